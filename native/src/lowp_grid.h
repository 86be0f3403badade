// The grid of a low-precision number format and rounding of float32 values onto it, shared
// by the per-tensor, MX, NVFP4 and L-Mul kernels (docs/precision.md describes the formats).
//
// A format is ExMy: sign, e exponent bits, m mantissa bits, bias 2^(e-1) - 1, subnormals.
// What the all-ones exponent means depends on the format's kind:
//   ieee    Inf (mantissa 0) and NaN (otherwise), as IEEE 754: E5M2, fp16, bf16;
//   fn      finite, only S.1111.111 is NaN, as OCP FP8 E4M3 (torch.float8_e4m3fn);
//   finite  every code a finite number, as OCP MX FP6 (E3M2, E2M3) and FP4 (E2M1);
//   integer two's complement with m fraction bits, as the OCP MX INT8 element (m = 6).
// Values are carried in float32, so e <= 8 and m <= 23 (an e = 8 format must be ieee).
#pragma once

#include "common.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

// A format crossing the boundary by value (see LowPrecisionFormat in src/Torch).
struct AlFormat {
  int32_t exponent_bits;
  int32_t mantissa_bits;
  int32_t kind;
  int32_t overflow;
};

namespace al::lowp {

enum Kind : int32_t { kIeee = 0, kFn = 1, kFinite = 2, kInteger = 3 };
enum Rounding : int32_t { kNearestEven = 0, kTowardZero = 1, kStochastic = 2, kNearestAway = 3 };
enum Overflow : int32_t { kSaturate = 0, kInfOrNan = 1 };

inline uint32_t bits_of(float x) {
  uint32_t u;
  std::memcpy(&u, &x, 4);
  return u;
}

inline float float_of(uint32_t u) {
  float x;
  std::memcpy(&x, &u, 4);
  return x;
}

// 2^k as a float32 for -149 <= k <= 127 (subnormal below -126); a select, so loops vectorise.
inline float pow2(int32_t k) {
  return float_of(k >= -126 ? static_cast<uint32_t>(k + 127) << 23 : 1u << ((k + 149) & 31));
}

// A counter-based random stream (SplitMix64's finaliser over seed and element index): the
// draw of element i depends only on (seed, i), so results do not depend on the thread count.
inline uint64_t random_bits(uint64_t seed, uint64_t index) {
  uint64_t z = seed + (index + 1) * 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Everything the inner loop needs about one format and one rounding mode.
struct Grid {
  int32_t e, m, kind, rounding, overflow;
  int32_t bias, emin, emax;
  float max;           // largest finite magnitude
  float overflow_to;   // magnitude an overflow becomes: max, Inf or NaN
  float infinity_to;   // magnitude an Inf input becomes
  uint32_t sign_code, max_code, inf_code, nan_code, overflow_code, infinity_code;
  bool has_nan;

  Grid(AlFormat f, int32_t rounding_)
      : e(f.exponent_bits), m(f.mantissa_bits), kind(f.kind), rounding(rounding_), overflow(f.overflow) {
    TORCH_CHECK(kind >= kIeee && kind <= kInteger, "unknown format kind ", kind);
    TORCH_CHECK(rounding >= kNearestEven && rounding <= kNearestAway, "unknown rounding mode ", rounding);
    TORCH_CHECK(overflow == kSaturate || overflow == kInfOrNan, "unknown overflow policy ", overflow);
    TORCH_CHECK(m >= 0 && m <= 23, "mantissa bits must be in 0..23 (float32 carries the values), got ", m);
    if (kind == kInteger) {
      TORCH_CHECK(e == 0 && m >= 0 && m <= 14, "an integer element has 0 exponent bits and 0..14 fraction bits, got e", e, "m", m);
      TORCH_CHECK(overflow == kSaturate, "an integer format has no Inf or NaN: its overflow policy must be saturate");
      bias = 0;
      emin = 0;  // one quantum 2^-m below 1, as a fixed-point number
      emax = 0;
      max = std::ldexp(127.0f, -m);  // symmetric two's complement range, as microxcaling clamps
      sign_code = 0;
      max_code = 127;
      inf_code = nan_code = 0;
      has_nan = false;
    } else {
      TORCH_CHECK(e >= 1 && e <= 8, "exponent bits must be in 1..8 (float32 carries the values), got ", e);
      TORCH_CHECK(e < 8 || kind == kIeee, "an 8-bit exponent format must be ieee (float32 holds no larger range)");
      TORCH_CHECK(kind == kFinite || m >= 1, "an ieee or fn format needs at least one mantissa bit for its NaN");
      TORCH_CHECK(kind != kFinite || overflow == kSaturate,
                  "a format without Inf and NaN can only saturate on overflow");
      bias = (1 << (e - 1)) - 1;
      emin = 1 - bias;
      const int32_t top = (1 << e) - 1;  // the all-ones exponent field
      const uint32_t mant_ones = (1u << m) - 1;
      emax = (kind == kIeee ? top - 1 : top) - bias;
      // ieee and finite: mantissa all ones at emax; fn: one less, S.1..1.1..1 being NaN.
      const uint32_t max_mantissa = kind == kFn ? mant_ones - 1 : mant_ones;
      max = std::ldexp(static_cast<float>((1u << m) + max_mantissa), emax - m);
      sign_code = 1u << (e + m);
      max_code = (static_cast<uint32_t>(emax + bias) << m) | max_mantissa;
      inf_code = static_cast<uint32_t>(top) << m;
      // The quiet NaN: mantissa MSB for ieee (E5M2 0x7E, as float16's 0x7E00), all ones for fn.
      nan_code = kind == kFn ? (inf_code | mant_ones) : (inf_code | (m > 0 ? 1u << (m - 1) : 0u));
      has_nan = kind == kIeee || kind == kFn;
    }
    const float inf = std::numeric_limits<float>::infinity();
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const bool special = overflow == kInfOrNan;
    overflow_to = !special ? max : (kind == kIeee ? inf : nan);
    overflow_code = !special ? max_code : (kind == kIeee ? inf_code : nan_code);
    infinity_to = overflow_to;
    infinity_code = overflow_code;
    // IEEE 754 §7.4: rounding toward zero carries a finite overflow to the largest finite value.
    if (rounding == kTowardZero) {
      overflow_to = max;
      overflow_code = max_code;
    }
  }
};

// The rounded magnitude as r * 2^k, r an integer with at most m + 1 bits, k >= emin - m.
struct Rounded {
  uint32_t r;
  int32_t k;
};

// Rounds |x| (finite) onto the grid of g, ignoring the top of the range (overflow is the
// caller's): the quantum is 2^(max(floor(log2|x|), emin) - m); the significand of x is
// shifted right by the number of bits below that quantum and rounded as R says.
template <int32_t R>
inline Rounded round_magnitude(uint32_t abs_bits, const Grid& g, uint64_t random) {
  const int32_t E = static_cast<int32_t>(abs_bits >> 23);
  const uint32_t sig = (abs_bits & 0x7FFFFFu) | (E != 0 ? 0x800000u : 0u);
  const int32_t ex = (E != 0 ? E : 1) - 127;
  const int32_t k = std::max(ex, g.emin) - g.m;
  const int32_t s = k - ex + 23;  // >= 23 - m >= 0 bits of sig fall below the quantum
  uint32_t r;
  if (R == kStochastic) {
    // Rounds up with probability (distance from the lower grid point) / quantum, exactly
    // for s <= 63; a value 2^-40 quanta or less below the grid point never rounds up.
    const int32_t sc = std::min(s, 63);
    const uint64_t mask = sc == 0 ? 0 : (~0ull >> (64 - sc));
    r = static_cast<uint32_t>((static_cast<uint64_t>(sig) + (random & mask)) >> sc);
  } else {
    const int32_t sc = std::min(s, 25);  // sig < 2^24: 25 shifted-out bits round to 0 in every mode
    const uint32_t half = sc == 0 ? 0 : 1u << (sc - 1);
    uint32_t add = 0;
    if (R == kNearestEven) {
      // Ties go to the even code. With m >= 1 the code's last bit is r's; with m = 0 it is the
      // exponent field's (k - emin + 1) for a normal lower neighbour.
      const uint32_t lower = sig >> sc;
      const uint32_t odd = g.m > 0 ? (lower & 1u) : (lower != 0 ? static_cast<uint32_t>(k - g.emin + 1) & 1u : 0u);
      add = sc == 0 ? 0 : half - 1 + odd;
    }
    else if (R == kNearestAway) add = half;
    r = (sig + add) >> sc;
  }
  return {r, k};
}

// The quantized value of x, and (where code != nullptr) its code in the format; R is
// g.rounding, a template argument so that each mode's loop is compiled on its own.
template <int32_t R>
inline float quantize(float x, const Grid& g, uint64_t random, uint32_t* code = nullptr) {
  const uint32_t bits = bits_of(x);
  const uint32_t sign = bits & 0x80000000u;
  const uint32_t abs_bits = bits ^ sign;
  const uint32_t sign_code = sign != 0 ? g.sign_code : 0;
  float y;
  uint32_t c;
  if (abs_bits >= 0x7F800000u) {  // Inf or NaN
    const bool is_nan = abs_bits > 0x7F800000u;
    y = is_nan ? std::numeric_limits<float>::quiet_NaN() : g.infinity_to;
    c = is_nan ? g.nan_code : g.infinity_code;
  } else {
    const Rounded q = round_magnitude<R>(abs_bits, g, random);
    y = static_cast<float>(q.r) * pow2(q.k);  // exact, or Inf past float32's range
    if (y > g.max) {
      y = g.overflow_to;
      c = g.overflow_code;
    } else if (q.r == 0) {
      c = 0;
    } else if (g.kind == kInteger) {
      c = q.r << (q.k + g.m);  // y * 2^m, the integer
    } else {
      // Exponent field k + m - emin + 1 over a mantissa r - 2^m; covers subnormals (field 0)
      // and a carry of r to 2^(m+1) alike.
      c = (static_cast<uint32_t>(q.k + g.m - g.emin + 1) << g.m) + q.r - (1u << g.m);
    }
  }
  if (code != nullptr) {
    if (!g.has_nan && std::isnan(y)) *code = 0xFFFFFFFFu;  // no code for NaN
    else if (g.kind == kInteger) *code = (sign != 0 ? (0u - c) : c) & 0xFFu;
    else *code = c | sign_code;
  }
  return float_of(bits_of(y) | sign);
}

// The value of a code of the format (the inverse of quantize's code).
inline float decode(uint32_t code, const Grid& g) {
  if (g.kind == kInteger) {
    TORCH_CHECK(code <= 0xFF, "code ", code, " is not an 8-bit two's complement integer");
    const int32_t v = code >= 0x80 ? static_cast<int32_t>(code) - 256 : static_cast<int32_t>(code);
    return std::ldexp(static_cast<float>(v), -g.m);
  }
  TORCH_CHECK(code < (g.sign_code << 1), "code ", code, " has more than ", g.e + g.m + 1, " bits");
  const bool negative = (code & g.sign_code) != 0;
  const uint32_t field = (code >> g.m) & ((1u << g.e) - 1);
  const uint32_t mantissa = code & ((1u << g.m) - 1);
  const uint32_t top = (1u << g.e) - 1;
  float v;
  if (g.kind == kIeee && field == top) {
    v = mantissa == 0 ? std::numeric_limits<float>::infinity() : std::numeric_limits<float>::quiet_NaN();
  } else if (g.kind == kFn && field == top && mantissa == (1u << g.m) - 1) {
    v = std::numeric_limits<float>::quiet_NaN();
  } else if (field == 0) {
    v = static_cast<float>(mantissa) * pow2(g.emin - g.m);
  } else {
    v = static_cast<float>((1u << g.m) + mantissa) * pow2(static_cast<int32_t>(field) - g.bias - g.m);
  }
  return negative ? -v : v;
}

// A contiguous float32 CPU tensor, or an error naming what is wrong.
inline at::Tensor contiguous_float(const at::Tensor& x, const char* what) {
  TORCH_CHECK(x.defined(), what, ": undefined tensor");
  TORCH_CHECK(x.device().is_cpu(), what, " runs on CPU tensors, got one on ", x.device());
  TORCH_CHECK(x.scalar_type() == at::kFloat, what, " takes float32 tensors, got ", x.scalar_type());
  return x.detach().contiguous();
}

// The caller's output of an "into" kernel: a contiguous float32 CPU tensor of x's shape, so that
// the kernel writes its memory directly (it may be x itself: every kernel reads an element, or a
// whole block, before it writes it).
inline float* output_of(const at::Tensor& out, const at::Tensor& x, const char* what) {
  TORCH_CHECK(out.defined(), what, ": undefined output tensor");
  TORCH_CHECK(out.device().is_cpu() && out.scalar_type() == at::kFloat, what,
              " writes into a float32 CPU tensor, got ", out.scalar_type(), " on ", out.device());
  TORCH_CHECK(out.is_contiguous(), what, " writes into a contiguous tensor; the output is not");
  TORCH_CHECK(out.sizes() == x.sizes(), what, ": the output's shape ", out.sizes(), " is not the input's ", x.sizes());
  return out.data_ptr<float>();
}

// Calls body(std::integral_constant<int32_t, R>) for the runtime rounding mode R.
template <class Body>
inline void with_rounding(int32_t rounding, Body&& body) {
  switch (rounding) {
    case kNearestEven: body(std::integral_constant<int32_t, kNearestEven>{}); break;
    case kTowardZero: body(std::integral_constant<int32_t, kTowardZero>{}); break;
    case kStochastic: body(std::integral_constant<int32_t, kStochastic>{}); break;
    default: body(std::integral_constant<int32_t, kNearestAway>{}); break;
  }
}

// Elements per parallel_for task: large enough that scheduling costs nothing.
constexpr int64_t kGrain = 1 << 15;

}  // namespace al::lowp
