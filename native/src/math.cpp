// Elementwise arithmetic (with broadcasting and PyTorch's type promotion), linear algebra and
// the in-place updates that optimizers need.
#include "common.h"

#include <ATen/ScalarOps.h>

namespace {

// A scalar on the left of a binary op becomes a "wrapped number" tensor, exactly as Python's
// `2 - t` does, so that it takes part in type promotion as a scalar (int64 tensor stays int64,
// a float32 tensor is not widened to float64). Like Python's, it lives on the CPU: ATen
// accepts a zero-dimensional CPU operand next to a CUDA tensor, and no copy to the GPU is made.
at::Tensor wrapped(AlScalar s) {
  return at::native::wrapped_scalar_tensor(al::scalar(s));
}

c10::optional<at::Scalar> optional_scalar(const AlScalar* s) {
  return s == nullptr ? c10::optional<at::Scalar>() : c10::optional<at::Scalar>(al::scalar(*s));
}

// 0 = true division, 1 = round toward zero (C's /), 2 = round down (Python's //).
c10::optional<c10::string_view> rounding(int32_t mode) {
  TORCH_CHECK(mode >= 0 && mode <= 2, "div: rounding mode must be 0 (none), 1 (trunc) or 2 (floor), got ", mode);
  if (mode == 0) return c10::nullopt;
  return c10::string_view(mode == 1 ? "trunc" : "floor");
}

}  // namespace

// One exported function per elementwise op: (tensor) -> new tensor.
#define AL_UNARY(name, expression)                               \
  AL_EXPORT int32_t al_##name(AlTensor a, AlTensor* out) {       \
    return al::guard([&] { *out = al::wrap(expression); });      \
  }

AL_EXPORT int32_t al_add(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::add(*a, *b)); });
}

// a + alpha * b, in one kernel.
AL_EXPORT int32_t al_add_alpha(AlTensor a, AlTensor b, AlScalar alpha, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::add(*a, *b, al::scalar(alpha))); });
}

AL_EXPORT int32_t al_add_scalar(AlTensor a, AlScalar b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::add(*a, al::scalar(b))); });
}

AL_EXPORT int32_t al_sub(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::sub(*a, *b)); });
}

AL_EXPORT int32_t al_sub_scalar(AlTensor a, AlScalar b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::sub(*a, al::scalar(b))); });
}

// b - a with a scalar b.
AL_EXPORT int32_t al_rsub_scalar(AlTensor a, AlScalar b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::sub(wrapped(b), *a)); });
}

AL_EXPORT int32_t al_mul(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::mul(*a, *b)); });
}

AL_EXPORT int32_t al_mul_scalar(AlTensor a, AlScalar b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::mul(*a, al::scalar(b))); });
}

// True division: integer operands give a floating result, as torch.div does by default.
AL_EXPORT int32_t al_div(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::div(*a, *b)); });
}

AL_EXPORT int32_t al_div_scalar(AlTensor a, AlScalar b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::div(*a, al::scalar(b))); });
}

// b / a with a scalar b.
AL_EXPORT int32_t al_rdiv_scalar(AlTensor a, AlScalar b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::div(wrapped(b), *a)); });
}

AL_EXPORT int32_t al_div_mode(AlTensor a, AlTensor b, int32_t mode, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::div(*a, *b, rounding(mode))); });
}

AL_EXPORT int32_t al_div_scalar_mode(AlTensor a, AlScalar b, int32_t mode, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::div(*a, al::scalar(b), rounding(mode))); });
}

// Python's modulus: the result takes the sign of the divisor.
AL_EXPORT int32_t al_remainder(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::remainder(*a, *b)); });
}

AL_EXPORT int32_t al_remainder_scalar(AlTensor a, AlScalar b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::remainder(*a, al::scalar(b))); });
}

AL_EXPORT int32_t al_pow(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::pow(*a, *b)); });
}

AL_EXPORT int32_t al_pow_scalar(AlTensor a, AlScalar exponent, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::pow(*a, al::scalar(exponent))); });
}

// base ** a with a scalar base.
AL_EXPORT int32_t al_rpow_scalar(AlTensor a, AlScalar base, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::pow(al::scalar(base), *a)); });
}

AL_EXPORT int32_t al_maximum(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::maximum(*a, *b)); });
}

AL_EXPORT int32_t al_minimum(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::minimum(*a, *b)); });
}

// Either bound may be null (no bound on that side); at least one must be given.
AL_EXPORT int32_t al_clamp(AlTensor a, const AlScalar* min, const AlScalar* max, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::clamp(*a, optional_scalar(min), optional_scalar(max))); });
}

AL_UNARY(neg, at::neg(*a))
AL_UNARY(abs, at::abs(*a))
AL_UNARY(sign, at::sign(*a))
AL_UNARY(sqrt, at::sqrt(*a))
AL_UNARY(rsqrt, at::rsqrt(*a))
AL_UNARY(exp, at::exp(*a))
AL_UNARY(log, at::log(*a))
AL_UNARY(log2, at::log2(*a))
AL_UNARY(log1p, at::log1p(*a))  // log(1 + x), accurate for small x
AL_UNARY(expm1, at::expm1(*a))  // exp(x) - 1, accurate for small x
AL_UNARY(sin, at::sin(*a))
AL_UNARY(cos, at::cos(*a))
AL_UNARY(reciprocal, at::reciprocal(*a))
AL_UNARY(floor, at::floor(*a))
AL_UNARY(ceil, at::ceil(*a))
AL_UNARY(round, at::round(*a))  // half to even, as torch.round
AL_UNARY(trunc, at::trunc(*a))

AL_EXPORT int32_t al_matmul(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::matmul(*a, *b)); });
}

// Batched product of (B, n, m) and (B, m, p); no broadcasting.
AL_EXPORT int32_t al_bmm(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::bmm(*a, *b)); });
}

// In-place updates. They modify `a` and create no handle.

AL_EXPORT int32_t al_add_(AlTensor a, AlTensor b, AlScalar alpha) {
  return al::guard([&] { a->add_(*b, al::scalar(alpha)); });
}

AL_EXPORT int32_t al_add_scalar_(AlTensor a, AlScalar b) {
  return al::guard([&] { a->add_(al::scalar(b)); });
}

AL_EXPORT int32_t al_mul_(AlTensor a, AlTensor b) {
  return al::guard([&] { a->mul_(*b); });
}

AL_EXPORT int32_t al_mul_scalar_(AlTensor a, AlScalar b) {
  return al::guard([&] { a->mul_(al::scalar(b)); });
}

AL_EXPORT int32_t al_div_(AlTensor a, AlTensor b) {
  return al::guard([&] { a->div_(*b); });
}

AL_EXPORT int32_t al_div_scalar_(AlTensor a, AlScalar b) {
  return al::guard([&] { a->div_(al::scalar(b)); });
}

// a += value * t1 * t2
AL_EXPORT int32_t al_addcmul_(AlTensor a, AlTensor t1, AlTensor t2, AlScalar value) {
  return al::guard([&] { a->addcmul_(*t1, *t2, al::scalar(value)); });
}

// a += value * t1 / t2
AL_EXPORT int32_t al_addcdiv_(AlTensor a, AlTensor t1, AlTensor t2, AlScalar value) {
  return al::guard([&] { a->addcdiv_(*t1, *t2, al::scalar(value)); });
}

// a += weight * (end - a)
AL_EXPORT int32_t al_lerp_(AlTensor a, AlTensor end, AlScalar weight) {
  return al::guard([&] { a->lerp_(*end, al::scalar(weight)); });
}

AL_EXPORT int32_t al_zero_(AlTensor a) {
  return al::guard([&] { a->zero_(); });
}

AL_EXPORT int32_t al_fill_(AlTensor a, AlScalar value) {
  return al::guard([&] { a->fill_(al::scalar(value)); });
}

AL_EXPORT int32_t al_sqrt_(AlTensor a) {
  return al::guard([&] { a->sqrt_(); });
}

AL_EXPORT int32_t al_clamp_(AlTensor a, const AlScalar* min, const AlScalar* max) {
  return al::guard([&] { a->clamp_(optional_scalar(min), optional_scalar(max)); });
}
