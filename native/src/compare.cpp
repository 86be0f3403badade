// Comparisons (elementwise, giving bool tensors) and whole-tensor equality tests.
#include "common.h"

// For each comparison: tensor-tensor (broadcasting) and tensor-scalar.
#define AL_COMPARE(name)                                                          \
  AL_EXPORT int32_t al_##name(AlTensor a, AlTensor b, AlTensor* out) {            \
    return al::guard([&] { *out = al::wrap(at::name(*a, *b)); });                \
  }                                                                               \
  AL_EXPORT int32_t al_##name##_scalar(AlTensor a, AlScalar b, AlTensor* out) {   \
    return al::guard([&] { *out = al::wrap(at::name(*a, al::scalar(b))); });      \
  }

AL_COMPARE(eq)
AL_COMPARE(ne)
AL_COMPARE(lt)
AL_COMPARE(le)
AL_COMPARE(gt)
AL_COMPARE(ge)

// Logical ops treat any non-zero element as true and return bool tensors.
AL_EXPORT int32_t al_logical_and(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::logical_and(*a, *b)); });
}

AL_EXPORT int32_t al_logical_or(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::logical_or(*a, *b)); });
}

AL_EXPORT int32_t al_logical_xor(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::logical_xor(*a, *b)); });
}

AL_EXPORT int32_t al_logical_not(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::logical_not(*a)); });
}

AL_EXPORT int32_t al_isnan(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::isnan(*a)); });
}

AL_EXPORT int32_t al_isinf(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::isinf(*a)); });
}

AL_EXPORT int32_t al_isfinite(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::isfinite(*a)); });
}

// |a - b| <= atol + rtol * |b| everywhere (torch.allclose).
AL_EXPORT int32_t al_allclose(AlTensor a, AlTensor b, double rtol, double atol, int32_t equal_nan,
                              int32_t* result) {
  return al::guard([&] { *result = at::allclose(*a, *b, rtol, atol, equal_nan != 0) ? 1 : 0; });
}

// Same shape and exactly the same elements (torch.equal).
AL_EXPORT int32_t al_equal(AlTensor a, AlTensor b, int32_t* result) {
  return al::guard([&] { *result = at::equal(*a, *b) ? 1 : 0; });
}
