// Creation of tensors: filled, ranges, identity and "like" tensors. Random tensors are in
// random.cpp, next to the generators they draw from.
#include "common.h"

namespace {
// al::shape with the pointer/length pair checked: a negative length or a null pointer would
// otherwise read wild memory instead of raising an error.
at::IntArrayRef checked_shape(const int64_t* dims, int64_t ndim) {
  TORCH_CHECK(ndim >= 0, "negative dimension count ", ndim);
  TORCH_CHECK(ndim == 0 || dims != nullptr, "null shape pointer with ", ndim, " dimensions");
  return al::shape(dims, ndim);
}

// dtype < 0 leaves the dtype unset, so that ATen infers it as PyTorch does (e.g. arange
// over integers gives int64, a float fill value gives the default float32).
at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index) {
  auto result = at::TensorOptions().device(al::device(device_type, device_index));
  return dtype < 0 ? result : result.dtype(static_cast<at::ScalarType>(dtype));
}

// Options of a "like" tensor: the source's dtype and device unless overridden.
at::TensorOptions like_options(const at::Tensor& source, int32_t dtype) {
  auto result = source.options();
  return dtype < 0 ? result : result.dtype(static_cast<at::ScalarType>(dtype));
}
}  // namespace

AL_EXPORT int32_t al_zeros(const int64_t* dims, int64_t ndim, int32_t dtype, int32_t device_type,
                           int32_t device_index, AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(at::zeros(checked_shape(dims, ndim), options(dtype, device_type, device_index)));
  });
}

AL_EXPORT int32_t al_ones(const int64_t* dims, int64_t ndim, int32_t dtype, int32_t device_type,
                          int32_t device_index, AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(at::ones(checked_shape(dims, ndim), options(dtype, device_type, device_index)));
  });
}

AL_EXPORT int32_t al_empty(const int64_t* dims, int64_t ndim, int32_t dtype, int32_t device_type,
                           int32_t device_index, AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(at::empty(checked_shape(dims, ndim), options(dtype, device_type, device_index)));
  });
}

AL_EXPORT int32_t al_full(const int64_t* dims, int64_t ndim, AlScalar value, int32_t dtype,
                          int32_t device_type, int32_t device_index, AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(at::full(checked_shape(dims, ndim), al::scalar(value),
                             options(dtype, device_type, device_index)));
  });
}

AL_EXPORT int32_t al_arange(AlScalar start, AlScalar end, AlScalar step, int32_t dtype,
                            int32_t device_type, int32_t device_index, AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(at::arange(al::scalar(start), al::scalar(end), al::scalar(step),
                               options(dtype, device_type, device_index)));
  });
}

AL_EXPORT int32_t al_linspace(AlScalar start, AlScalar end, int64_t steps, int32_t dtype,
                              int32_t device_type, int32_t device_index, AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(at::linspace(al::scalar(start), al::scalar(end), steps,
                                 options(dtype, device_type, device_index)));
  });
}

AL_EXPORT int32_t al_eye(int64_t n, int64_t m, int32_t dtype, int32_t device_type,
                         int32_t device_index, AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(at::eye(n, m, options(dtype, device_type, device_index)));
  });
}

AL_EXPORT int32_t al_zeros_like(AlTensor t, int32_t dtype, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::zeros_like(*t, like_options(*t, dtype))); });
}

AL_EXPORT int32_t al_ones_like(AlTensor t, int32_t dtype, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::ones_like(*t, like_options(*t, dtype))); });
}

AL_EXPORT int32_t al_full_like(AlTensor t, AlScalar value, int32_t dtype, AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(at::full_like(*t, al::scalar(value), like_options(*t, dtype)));
  });
}
