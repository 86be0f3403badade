// The hot loop of every quantizer: a span of float32 values scaled, rounded onto a grid and
// scaled back, written without branches so that the compiler vectorises it. It is compiled for
// AVX-512, AVX2 and baseline x86-64 and picked at load time (GCC target_clones), since the
// per-lane variable shifts it needs exist only from AVX2 on.
#include "lowp_span.h"

namespace al::lowp {
namespace {

// quantize<R>() without codes, every branch a select.
template <int32_t R>
inline float quantize_fast(float x, const Grid& g, uint64_t random) {
  const uint32_t bits = bits_of(x);
  const uint32_t sign = bits & 0x80000000u;
  const uint32_t a = bits ^ sign;
  const Rounded q = round_magnitude<R>(a, g, random);
  float y = static_cast<float>(static_cast<int32_t>(q.r)) * pow2(q.k);
  y = y > g.max ? g.overflow_to : y;
  y = a >= 0x7F800000u ? (a > 0x7F800000u ? x : g.infinity_to) : y;  // NaN stays, Inf per policy
  return float_of(bits_of(y) | sign);
}

template <int32_t R>
inline void span(const float* src, float* dst, int64_t n, const Grid& g, uint64_t seed, int64_t index0,
                 float pre, float post) {
  for (int64_t i = 0; i < n; ++i) {
    const uint64_t random = R == kStochastic ? random_bits(seed, static_cast<uint64_t>(index0 + i)) : 0;
    dst[i] = quantize_fast<R>(src[i] * pre, g, random) * post;
  }
}

#define AL_SPAN_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))

AL_SPAN_CLONES void span_nearest_even(const float* src, float* dst, int64_t n, const Grid& g, uint64_t seed,
                                      int64_t index0, float pre, float post) {
  span<kNearestEven>(src, dst, n, g, seed, index0, pre, post);
}
AL_SPAN_CLONES void span_toward_zero(const float* src, float* dst, int64_t n, const Grid& g, uint64_t seed,
                                     int64_t index0, float pre, float post) {
  span<kTowardZero>(src, dst, n, g, seed, index0, pre, post);
}
AL_SPAN_CLONES void span_stochastic(const float* src, float* dst, int64_t n, const Grid& g, uint64_t seed,
                                    int64_t index0, float pre, float post) {
  span<kStochastic>(src, dst, n, g, seed, index0, pre, post);
}
AL_SPAN_CLONES void span_nearest_away(const float* src, float* dst, int64_t n, const Grid& g, uint64_t seed,
                                      int64_t index0, float pre, float post) {
  span<kNearestAway>(src, dst, n, g, seed, index0, pre, post);
}

// max over the bit patterns of |x|: for non-negative floats the integer order is the float
// order, and any Inf or NaN lands at or above 0x7F800000.
AL_SPAN_CLONES uint32_t abs_bits_max(const float* x, int64_t n) {
  uint32_t m = 0;
  for (int64_t i = 0; i < n; ++i) m = std::max(m, bits_of(x[i]) & 0x7FFFFFFFu);
  return m;
}

}  // namespace

void quantize_span(const float* src, float* dst, int64_t n, const Grid& g, uint64_t seed, int64_t index0,
                   float pre, float post) {
  switch (g.rounding) {
    case kNearestEven: span_nearest_even(src, dst, n, g, seed, index0, pre, post); break;
    case kTowardZero: span_toward_zero(src, dst, n, g, seed, index0, pre, post); break;
    case kStochastic: span_stochastic(src, dst, n, g, seed, index0, pre, post); break;
    default: span_nearest_away(src, dst, n, g, seed, index0, pre, post); break;
  }
}

float block_amax(const float* x, int64_t n) {
  const uint32_t m = abs_bits_max(x, n);
  return m >= 0x7F800000u ? std::numeric_limits<float>::quiet_NaN() : float_of(m);
}

}  // namespace al::lowp
