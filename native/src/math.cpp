// Elementwise arithmetic and linear algebra.
#include "common.h"

AL_EXPORT int32_t al_add(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::add(*a, *b)); });
}

AL_EXPORT int32_t al_add_scalar(AlTensor a, AlScalar b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::add(*a, al::scalar(b))); });
}

AL_EXPORT int32_t al_mul(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::mul(*a, *b)); });
}

AL_EXPORT int32_t al_matmul(AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::matmul(*a, *b)); });
}

AL_EXPORT int32_t al_sum(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::sum(*a)); });
}
