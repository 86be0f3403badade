// Creation of tensors: filled, ranges and random.
#include "common.h"

namespace {
at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index) {
  return at::TensorOptions()
      .dtype(static_cast<at::ScalarType>(dtype))
      .device(al::device(device_type, device_index));
}
}  // namespace

AL_EXPORT int32_t al_zeros(const int64_t* dims, int64_t ndim, int32_t dtype, int32_t device_type,
                           int32_t device_index, AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(at::zeros(al::shape(dims, ndim), options(dtype, device_type, device_index)));
  });
}
