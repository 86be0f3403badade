// OCP Microscaling (MX) formats, spec v1.0: blocks of k elements sharing an E8M0 scale.
// MXFP8 (E4M3, E5M2), MXFP6 (E3M2, E2M3), MXFP4 (E2M1) and MXINT8 elements.
#include "lowp_blocks.h"

using namespace al::lowp;

namespace {

// The MX recipe over every block of `rows`: values into dst (rows' layout), E8M0 scale codes into
// scale_dst and element codes into code_dst (both nullable).
void mx_blocks(const Rows& rows, AlFormat element, int32_t rounding, uint64_t seed, float* dst,
               int32_t* scale_dst, uint32_t* code_dst) {
  TORCH_CHECK(element.overflow == kSaturate, "MX elements saturate on overflow (OCP MX v1.0)");
  const Grid g(element, rounding);
  const float* src = rows.data.data_ptr<float>();
  with_rounding(rounding, [&](auto r) {
    constexpr int32_t R = decltype(r)::value;
    rows.for_each_block([&](int64_t id, int64_t first, int64_t n) {
      const float amax = block_amax(src + first, n);
      if (std::isnan(amax)) {
        if (scale_dst != nullptr) scale_dst[id] = 0xFF;
        fill_block(dst, code_dst, first, n, std::numeric_limits<float>::quiet_NaN(), 0xFFFFFFFFu);
        return;
      }
      const int32_t shared = amax == 0.0f ? -127 : std::clamp(std::ilogb(amax) - g.emax, -127, 127);
      if (scale_dst != nullptr) scale_dst[id] = shared + 127;
      quantize_block<R>(src, dst, code_dst, first, n, g, seed, pow2(-shared), pow2(shared));
    });
  });
}

}  // namespace

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
    const Rows rows(*x, dim, block, "MX quantize");
    at::Tensor out = rows.empty_like_rows(rows.length, at::kFloat);
    at::Tensor scale_out = rows.empty_like_rows(rows.blocks, at::kInt);
    at::Tensor code_out = codes != nullptr ? rows.empty_like_rows(rows.length, at::kInt) : at::Tensor();
    uint32_t* code_dst = codes != nullptr ? reinterpret_cast<uint32_t*>(code_out.data_ptr<int32_t>()) : nullptr;
    mx_blocks(rows, element, rounding, seed, out.data_ptr<float>(), scale_out.data_ptr<int32_t>(), code_dst);
    *values = al::wrap(rows.restore(out));
    *scales = al::wrap(rows.restore(scale_out));
    if (codes != nullptr) *codes = al::wrap(rows.restore(code_out));
  });
}

// al_lowp_mx_quantize's values written into `out`, the caller's contiguous float32 tensor of x's
// shape (x itself for in place: a block's amax is read before its values are written). Blocks
// along the last dimension go straight into out; along another, through a transposed copy.
AL_EXPORT int32_t al_lowp_mx_quantize_into(AlTensor x, AlFormat element, int64_t block, int64_t dim,
                                           int32_t rounding, uint64_t seed, AlTensor out) {
  return al::guard([&] {
    const Rows rows(*x, dim, block, "MX quantize");
    float* dst = output_of(*out, *x, "MX quantize");
    if (rows.dim == x->dim() - 1) {
      mx_blocks(rows, element, rounding, seed, dst, nullptr, nullptr);
      return;
    }
    at::Tensor moved = rows.empty_like_rows(rows.length, at::kFloat);
    mx_blocks(rows, element, rounding, seed, moved.data_ptr<float>(), nullptr, nullptr);
    out->copy_(moved.movedim(-1, rows.dim));
  });
}
