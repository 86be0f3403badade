// NVFP4 (NVIDIA, 2025): E2M1 elements in blocks of 16 with an E4M3 block scale, under an
// fp32 per-tensor scale, following Transformer Engine's NVFP4 recipe.
#include "lowp_blocks.h"

using namespace al::lowp;

// All arithmetic on scales is float32, each step rounded to nearest even:
//   S     = amax(x) / (448 * 6)                  the per-tensor (decode) scale; 1 if amax is 0
//   b     = E4M3((amax_block / 6) / S)           the block scale, saturating at 448
//   d     = b * S                                the block's decode scale
//   value = E2M1(x / d) * d                      elements rounded as `rounding` says
// so that a block's amax maps near FP4's 6 and the largest block scale near E4M3's 448.
// A block whose d is 0 quantizes to zeros; one holding Inf or NaN to NaN (scale code 0x7F).
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
    const float amax = at::parallel_reduce(
        0, n_all, kGrain, 0.0f,
        [&](int64_t b, int64_t e, float a) {
          for (int64_t i = b; i < e; ++i) a = std::fabs(src[i]) > a ? std::fabs(src[i]) : a;
          return a;
        },
        [](float a, float b) { return a > b ? a : b; });
    const float S = amax > 0.0f && std::isfinite(amax) ? amax / (448.0f * 6.0f) : 1.0f;

    with_rounding(rounding, [&](auto r) {
      constexpr int32_t R = decltype(r)::value;
      rows.for_each_block([&](int64_t id, int64_t first, int64_t n) {
        const float block_max = block_amax(src + first, n);
        uint32_t b_code = 0;
        const float b = std::isnan(block_max)
                            ? std::numeric_limits<float>::quiet_NaN()
                            : quantize<kNearestEven>((block_max / 6.0f) / S, e4m3, 0, &b_code);
        scale_dst[id] = std::isnan(block_max) ? 0x7F : static_cast<int32_t>(b_code);
        const float d = b * S;
        for (int64_t i = first; i < first + n; ++i) {
          if (std::isnan(d)) {
            dst[i] = d;
            if (code_dst != nullptr) code_dst[i] = 0xFFFFFFFFu;
          } else if (d == 0.0f) {
            dst[i] = 0.0f;
            if (code_dst != nullptr) code_dst[i] = 0;
          } else {
            const uint64_t random = R == kStochastic ? random_bits(seed, static_cast<uint64_t>(i)) : 0;
            dst[i] = quantize<R>(src[i] / d, e2m1, random, code_dst != nullptr ? code_dst + i : nullptr) * d;
          }
        }
      });
    });
    *values = al::wrap(rows.restore(out));
    *block_scales = al::wrap(rows.restore(scale_out));
    *tensor_scale = S;
    if (codes != nullptr) *codes = al::wrap(rows.restore(code_out));
  });
}
