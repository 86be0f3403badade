// Bitwise logic and shifts on integer (and bool) tensors, and reinterpreting a tensor's bits
// as another dtype of the same width — the basis of the low-precision formats.
#include "common.h"

#define AL_BITWISE(name)                                                          \
  AL_EXPORT int32_t al_##name(AlTensor a, AlTensor b, AlTensor* out) {            \
    return al::guard([&] { *out = al::wrap(at::name(*a, *b)); });                \
  }                                                                               \
  AL_EXPORT int32_t al_##name##_scalar(AlTensor a, AlScalar b, AlTensor* out) {   \
    return al::guard([&] { *out = al::wrap(at::name(*a, al::scalar(b))); });      \
  }

AL_BITWISE(bitwise_and)
AL_BITWISE(bitwise_or)
AL_BITWISE(bitwise_xor)
// Right shift of a signed integer is arithmetic (keeps the sign), as in PyTorch.
AL_BITWISE(bitwise_left_shift)
AL_BITWISE(bitwise_right_shift)

AL_EXPORT int32_t al_bitwise_not(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::bitwise_not(*a)); });
}

// The same storage seen as another dtype (Tensor.view(dtype)); for dtypes of equal width the
// shape is unchanged, e.g. float32 <-> int32, float16/bfloat16 <-> int16.
AL_EXPORT int32_t al_view_dtype(AlTensor a, int32_t dtype, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(a->view(static_cast<at::ScalarType>(dtype))); });
}
