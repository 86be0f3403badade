// NVFP4 (NVIDIA, 2025): E2M1 elements in blocks of 16 with an E4M3 block scale, under an
// fp32 per-tensor scale, following Transformer Engine's NVFP4 recipe.
#include "lowp_blocks.h"

using namespace al::lowp;

// All arithmetic on scales is float32, each step rounded to nearest even, as Transformer
// Engine's NVFP4 quantizer computes them:
//   S_enc = (448 * 6) / amax(x)                  the per-tensor encode scale (1 if amax is 0)
//   S     = 1 / S_enc                            the per-tensor decode scale, returned
//   b     = E4M3((amax_block / 6) * S_enc)       the block scale, saturating at 448
//   value = E2M1(x * (S_enc / b)) * (b * S)      elements rounded as `rounding` says
// so that a block's amax maps near FP4's 6 and the largest block scale near E4M3's 448.
// A block whose b is 0 quantizes to zeros; one holding Inf or NaN to NaN (scale code 0x7F).
// block_scales: int32 E4M3 codes, x's shape with `dim` cut to the block count.
AL_EXPORT int32_t al_lowp_nvfp4_quantize(AlTensor x, int64_t block, int64_t dim, int32_t rounding,
                                         uint64_t seed, AlTensor* values, AlTensor* block_scales,
                                         float* tensor_scale, AlTensor* codes) {
  return al::guard([&] {
    const Grid e2m1({2, 1, kFinite, kSaturate}, rounding);
    const Grid e4m3({4, 3, kFn, kSaturate}, kNearestEven);
    const Rows rows(*x, dim, block, "NVFP4 quantize");
    at::Tensor out = rows.empty_like_rows(rows.length, at::kFloat);
    at::Tensor scale_out = rows.empty_like_rows(rows.blocks, at::kInt);
    at::Tensor code_out = codes != nullptr ? rows.empty_like_rows(rows.length, at::kInt) : at::Tensor();
    const float* src = rows.data.data_ptr<float>();
    float* dst = out.data_ptr<float>();
    int32_t* scale_dst = scale_out.data_ptr<int32_t>();
    uint32_t* code_dst = codes != nullptr ? reinterpret_cast<uint32_t*>(code_out.data_ptr<int32_t>()) : nullptr;

    const int64_t n_all = rows.data.numel();
    const float amax = at::parallel_reduce(  // max |x| over non-NaN elements
        0, n_all, kGrain, 0.0f,
        [&](int64_t b, int64_t e, float a) {
          for (int64_t i = b; i < e; ++i) a = std::fabs(src[i]) > a ? std::fabs(src[i]) : a;
          return a;
        },
        [](float a, float b) { return a > b ? a : b; });
    // A tiny amax would overflow S_enc; the largest float keeps every step finite.
    const float S_enc = amax > 0.0f && std::isfinite(amax)
                            ? std::min((448.0f * 6.0f) / amax, std::numeric_limits<float>::max())
                            : 1.0f;
    const float S = 1.0f / S_enc;

    with_rounding(rounding, [&](auto r) {
      constexpr int32_t R = decltype(r)::value;
      rows.for_each_block([&](int64_t id, int64_t first, int64_t n) {
        const float block_max = block_amax(src + first, n);
        uint32_t b_code = 0;
        const float b = std::isnan(block_max)
                            ? std::numeric_limits<float>::quiet_NaN()
                            : quantize<kNearestEven>((block_max / 6.0f) * S_enc, e4m3, 0, &b_code);
        scale_dst[id] = std::isnan(block_max) ? 0x7F : static_cast<int32_t>(b_code);
        if (!(b > 0.0f)) {  // NaN block, or a block too small for E4M3: NaN or zeros
          const bool nan = std::isnan(b);
          fill_block(dst, code_dst, first, n, nan ? b : 0.0f, nan ? 0xFFFFFFFFu : 0u);
          return;
        }
        quantize_block<R>(src, dst, code_dst, first, n, e2m1, seed, S_enc / b, b * S);
      });
    });
    *values = al::wrap(rows.restore(out));
    *block_scales = al::wrap(rows.restore(scale_out));
    *tensor_scale = S;
    if (codes != nullptr) *codes = al::wrap(rows.restore(code_out));
  });
}
