// OCP Microscaling (MX) formats, spec v1.0: blocks of k elements sharing an E8M0 scale.
// MXFP8 (E4M3, E5M2), MXFP6 (E3M2, E2M3), MXFP4 (E2M1) and MXINT8 elements.
#include "lowp_blocks.h"

using namespace al::lowp;

// Quantizes x in blocks of `block` along `dim`. Each block's scale is
// 2^(floor(log2 amax) - emax_elem) (OCP MX v1.0 §6.3), clamped to E8M0's 2^-127..2^127; an
// all-zero block gets 2^-127, a block holding Inf or NaN the NaN scale (code 0xFF) and NaN
// values. Elements are x / scale rounded onto the element grid, saturating (x / scale can
// exceed the element's max by less than one binade), times the scale.
// scales: int32 E8M0 codes (exponent + 127), x's shape with `dim` cut to the block count;
// codes (nullable): int32 element codes.
AL_EXPORT int32_t al_lowp_mx_quantize(AlTensor x, AlFormat element, int64_t block, int64_t dim,
                                      int32_t rounding, uint64_t seed, AlTensor* values,
                                      AlTensor* scales, AlTensor* codes) {
  return al::guard([&] {
    TORCH_CHECK(element.overflow == kSaturate, "MX elements saturate on overflow (OCP MX v1.0)");
    const Grid g(element, rounding);
    const Rows rows(*x, dim, block, "MX quantize");
    at::Tensor out = rows.empty_like_rows(rows.length, at::kFloat);
    at::Tensor scale_out = rows.empty_like_rows(rows.blocks, at::kInt);
    at::Tensor code_out = codes != nullptr ? rows.empty_like_rows(rows.length, at::kInt) : at::Tensor();
    const float* src = rows.data.data_ptr<float>();
    float* dst = out.data_ptr<float>();
    int32_t* scale_dst = scale_out.data_ptr<int32_t>();
    uint32_t* code_dst = codes != nullptr ? reinterpret_cast<uint32_t*>(code_out.data_ptr<int32_t>()) : nullptr;
    with_rounding(rounding, [&](auto r) {
      constexpr int32_t R = decltype(r)::value;
      rows.for_each_block([&](int64_t id, int64_t first, int64_t n) {
        const float amax = block_amax(src + first, n);
        if (std::isnan(amax)) {
          scale_dst[id] = 0xFF;
          fill_block(dst, code_dst, first, n, std::numeric_limits<float>::quiet_NaN(), 0xFFFFFFFFu);
          return;
        }
        const int32_t shared = amax == 0.0f ? -127 : std::clamp(std::ilogb(amax) - g.emax, -127, 127);
        scale_dst[id] = shared + 127;
        quantize_block<R>(src, dst, code_dst, first, n, g, seed, pow2(-shared), pow2(shared));
      });
    });
    *values = al::wrap(rows.restore(out));
    *scales = al::wrap(rows.restore(scale_out));
    if (codes != nullptr) *codes = al::wrap(rows.restore(code_out));
  });
}
