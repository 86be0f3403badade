// Element-wise quantize-dequantize onto a minifloat grid (lowp_grid.h), with an optional
// per-tensor scale, the codes of the quantized values, decoding codes, and amax.
#include "lowp_blocks.h"

using namespace al::lowp;

namespace {

// max |x| over the non-NaN elements (a NaN never wins a > comparison).
float abs_max(const float* x, int64_t n) {
  return at::parallel_reduce(
      0, n, kGrain, 0.0f,
      [&](int64_t begin, int64_t end, float partial) {
        float a = partial;
        for (int64_t i = begin; i < end; ++i) {
          const float v = std::fabs(x[i]);
          a = v > a ? v : a;
        }
        return a;
      },
      [](float a, float b) { return a > b ? a : b; });
}

// dst = Q(x * scale) * (1 / scale) over every element of the contiguous x, in parallel.
void quantize_all(const at::Tensor& in, float* dst, uint32_t* code_dst, AlFormat format, int32_t rounding,
                  uint64_t seed, float scale) {
  const Grid g(format, rounding);
  TORCH_CHECK(std::isfinite(scale) && scale > 0, "the scale must be a positive finite number, got ", scale);
  const float* src = in.data_ptr<float>();
  const float inverse = 1.0f / scale;  // x * 1 and q * 1 are exact: no scale is scale 1
  with_rounding(rounding, [&](auto r) {
    constexpr int32_t R = decltype(r)::value;
    at::parallel_for(0, in.numel(), kGrain, [&](int64_t begin, int64_t end) {
      quantize_block<R>(src, dst, code_dst, begin, end - begin, g, seed, scale, inverse);
    });
  });
}

}  // namespace

// values = Q(x * scale) * (1 / scale) in float32 (scale 1: plain Q(x)), Q rounding onto the
// format's grid. codes (int32, nullable) get each element's code, -1 where the format has
// none (NaN in a format without NaN); amax (nullable) gets max |x| over non-NaN elements.
// Stochastic rounding draws element i's bits from (seed, i) alone.
AL_EXPORT int32_t al_lowp_quantize(AlTensor x, AlFormat format, int32_t rounding, uint64_t seed,
                                   float scale, AlTensor* values, AlTensor* codes, float* amax) {
  return al::guard([&] {
    const at::Tensor in = contiguous_float(*x, "quantize");
    at::Tensor out = at::empty_like(in);
    at::Tensor code_out = codes != nullptr ? at::empty(in.sizes(), in.options().dtype(at::kInt)) : at::Tensor();
    uint32_t* code_dst = codes != nullptr ? reinterpret_cast<uint32_t*>(code_out.data_ptr<int32_t>()) : nullptr;
    quantize_all(in, out.data_ptr<float>(), code_dst, format, rounding, seed, scale);
    if (amax != nullptr) *amax = abs_max(in.data_ptr<float>(), in.numel());
    *values = al::wrap(std::move(out));
    if (codes != nullptr) *codes = al::wrap(std::move(code_out));
  });
}

// al_lowp_quantize's values written into `out`, the caller's contiguous float32 tensor of x's
// shape (x itself for in place). A fresh 64 MB result costs its page faults on every call; a
// reused buffer does not (docs/performance.md).
AL_EXPORT int32_t al_lowp_quantize_into(AlTensor x, AlFormat format, int32_t rounding, uint64_t seed,
                                        float scale, AlTensor out) {
  return al::guard([&] {
    const at::Tensor in = contiguous_float(*x, "quantize");
    quantize_all(in, output_of(*out, in, "quantize"), nullptr, format, rounding, seed, scale);
  });
}

// The values (float32) of int32 codes of a format.
AL_EXPORT int32_t al_lowp_decode(AlTensor codes, AlFormat format, AlTensor* values) {
  return al::guard([&] {
    const Grid g(format, kNearestEven);
    TORCH_CHECK(codes->device().is_cpu() && codes->scalar_type() == at::kInt,
                "decode takes int32 codes on the CPU, got ", codes->scalar_type(), " on ", codes->device());
    const at::Tensor in = codes->contiguous();
    at::Tensor out = at::empty(in.sizes(), in.options().dtype(at::kFloat));
    const int32_t* src = in.data_ptr<int32_t>();
    float* dst = out.data_ptr<float>();
    for (int64_t i = 0; i < in.numel(); ++i) {
      TORCH_CHECK(src[i] >= 0, "code ", src[i], " is negative");
      dst[i] = decode(static_cast<uint32_t>(src[i]), g);
    }
    *values = al::wrap(std::move(out));
  });
}

// max |x| over the non-NaN elements of a float32 tensor (0 for an empty one).
AL_EXPORT int32_t al_lowp_amax(AlTensor x, float* amax) {
  return al::guard([&] {
    const at::Tensor in = contiguous_float(*x, "amax");
    *amax = abs_max(in.data_ptr<float>(), in.numel());
  });
}

// Whether this libtorch has the float8 dtypes (PyTorch >= 2.1).
AL_EXPORT int32_t al_lowp_has_float8(int32_t* available) {
  return al::guard([&] {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
    *available = 1;
#else
    *available = 0;
#endif
  });
}

// x cast to libtorch's float8_e4m3fn (variant 0) or float8_e5m2 (variant 1) and back to
// float32: the independent check of the E4M3/E5M2 grids where libtorch has float8.
AL_EXPORT int32_t al_lowp_float8_round_trip(AlTensor x, int32_t variant, AlTensor* out) {
  return al::guard([&] {
    TORCH_CHECK(variant == 0 || variant == 1, "float8 variant must be 0 (e4m3fn) or 1 (e5m2), got ", variant);
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
    const auto dtype = variant == 0 ? at::kFloat8_e4m3fn : at::kFloat8_e5m2;
    *out = al::wrap(x->to(dtype).to(at::kFloat));
#else
    TORCH_CHECK(false, "this libtorch (", TORCH_VERSION_MAJOR, ".", TORCH_VERSION_MINOR,
                ") has no float8 dtypes; they need PyTorch 2.1 or later");
#endif
  });
}
