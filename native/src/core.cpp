// Errors, lifetime, metadata and data transfer of tensors.
#include "common.h"

#include <cstring>
#include <sstream>

#include <torch/cuda.h>

namespace {
thread_local std::string last_error;
}

namespace al {

void set_error(const std::string& message) {
  // libtorch appends "Exception raised from ... (most recent call first)" frames on some
  // builds; keep only the user-facing part.
  auto cut = message.find("\nException raised from");
  last_error = cut == std::string::npos ? message : message.substr(0, cut);
}

std::atomic<int64_t>& live_tensors() {
  static std::atomic<int64_t> count{0};
  return count;
}

void write_tensors(std::vector<at::Tensor>&& list, AlTensor* out, int64_t capacity) {
  TORCH_CHECK(static_cast<int64_t>(list.size()) <= capacity, "result has ", list.size(),
              " tensors but room was made for ", capacity);
  for (size_t i = 0; i < list.size(); ++i) out[i] = wrap(std::move(list[i]));
}

}  // namespace al

AL_EXPORT const char* al_last_error() { return last_error.c_str(); }

AL_EXPORT int64_t al_live_tensors() { return al::live_tensors().load(); }

AL_EXPORT void al_tensor_free(AlTensor t) {
  if (t == nullptr) return;
  delete t;
  al::live_tensors().fetch_sub(1, std::memory_order_relaxed);
}

AL_EXPORT int32_t al_torch_version(int32_t* major, int32_t* minor, int32_t* patch) {
  return al::guard([&] {
    *major = TORCH_VERSION_MAJOR;
    *minor = TORCH_VERSION_MINOR;
    *patch = TORCH_VERSION_PATCH;
  });
}

AL_EXPORT int32_t al_cuda_device_count(int32_t* count) {
  return al::guard([&] {
    // Asking for a CUDA device count on a CPU-only libtorch is defined to be 0.
    *count = static_cast<int32_t>(torch::cuda::device_count());
  });
}

AL_EXPORT int32_t al_set_num_threads(int32_t threads) {
  return al::guard([&] { at::set_num_threads(threads); });
}

AL_EXPORT int32_t al_get_num_threads(int32_t* threads) {
  return al::guard([&] { *threads = at::get_num_threads(); });
}

AL_EXPORT int32_t al_tensor_dim(AlTensor t, int64_t* dim) {
  return al::guard([&] { *dim = t->dim(); });
}

// Writes up to `capacity` sizes; callers ask al_tensor_dim first.
AL_EXPORT int32_t al_tensor_shape(AlTensor t, int64_t* sizes, int64_t capacity) {
  return al::guard([&] {
    auto s = t->sizes();
    TORCH_CHECK(static_cast<int64_t>(s.size()) <= capacity, "shape buffer too small");
    for (size_t i = 0; i < s.size(); ++i) sizes[i] = s[i];
  });
}

AL_EXPORT int32_t al_tensor_dtype(AlTensor t, int32_t* dtype) {
  return al::guard([&] { *dtype = static_cast<int32_t>(t->scalar_type()); });
}

AL_EXPORT int32_t al_tensor_device(AlTensor t, int32_t* type, int32_t* index) {
  return al::guard([&] {
    auto d = t->device();
    *type = d.is_cuda() ? 1 : 0;
    *index = d.has_index() ? d.index() : (d.is_cuda() ? 0 : -1);
  });
}

AL_EXPORT int32_t al_tensor_numel(AlTensor t, int64_t* numel) {
  return al::guard([&] { *numel = t->numel(); });
}

AL_EXPORT int32_t al_tensor_is_contiguous(AlTensor t, int32_t* result) {
  return al::guard([&] { *result = t->is_contiguous() ? 1 : 0; });
}

// Copies `bytes` bytes of host memory into a new CPU tensor of the given shape and dtype.
AL_EXPORT int32_t al_tensor_from_data(const void* data, int64_t bytes, const int64_t* dims,
                                      int64_t ndim, int32_t dtype, AlTensor* out) {
  return al::guard([&] {
    auto options = at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype));
    auto result = at::empty(al::shape(dims, ndim), options);
    int64_t expected = result.numel() * static_cast<int64_t>(result.element_size());
    TORCH_CHECK(bytes == expected, "data holds ", bytes, " bytes but shape ", result.sizes(),
                " of ", result.scalar_type(), " needs ", expected);
    if (bytes > 0) std::memcpy(result.data_ptr(), data, static_cast<size_t>(bytes));
    *out = al::wrap(std::move(result));
  });
}

// Copies the tensor's elements (in row-major order, from any device) into host memory.
AL_EXPORT int32_t al_tensor_to_data(AlTensor t, void* data, int64_t bytes) {
  return al::guard([&] {
    auto host = t->detach().to(at::kCPU).contiguous();
    int64_t expected = host.numel() * static_cast<int64_t>(host.element_size());
    TORCH_CHECK(bytes == expected, "buffer holds ", bytes, " bytes but the tensor has ", expected);
    if (bytes > 0) std::memcpy(data, host.data_ptr(), static_cast<size_t>(bytes));
  });
}

AL_EXPORT int32_t al_tensor_item(AlTensor t, AlScalar* out) {
  return al::guard([&] {
    TORCH_CHECK(t->numel() == 1, "item() needs a tensor with one element, got shape ", t->sizes());
    auto s = t->item();
    if (s.isBoolean()) {
      *out = AlScalar{s.toBool() ? 1.0 : 0.0, s.toBool() ? 1 : 0, 2};
    } else if (s.isIntegral(false)) {
      *out = AlScalar{static_cast<double>(s.toLong()), s.toLong(), 1};
    } else {
      *out = AlScalar{s.toDouble(), 0, 0};
    }
  });
}

// A new handle to the same tensor (shares storage and autograd identity).
AL_EXPORT int32_t al_tensor_alias(AlTensor t, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::Tensor(*t)); });
}

AL_EXPORT int32_t al_tensor_clone(AlTensor t, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->clone()); });
}

AL_EXPORT int32_t al_tensor_to(AlTensor t, int32_t dtype, int32_t device_type,
                               int32_t device_index, int32_t copy, AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(t->to(al::device(device_type, device_index),
                          static_cast<at::ScalarType>(dtype), false, copy != 0));
  });
}

AL_EXPORT int32_t al_tensor_copy_(AlTensor destination, AlTensor source) {
  return al::guard([&] { destination->copy_(*source); });
}

AL_EXPORT int32_t al_tensor_to_string(AlTensor t, char* buffer, int64_t capacity, int64_t* length) {
  return al::guard([&] {
    std::ostringstream stream;
    stream << *t;
    auto text = stream.str();
    *length = static_cast<int64_t>(text.size());
    if (buffer != nullptr && capacity > 0) {
      auto n = std::min<int64_t>(capacity - 1, *length);
      std::memcpy(buffer, text.data(), static_cast<size_t>(n));
      buffer[n] = '\0';
    }
  });
}

AL_EXPORT int32_t al_manual_seed(int64_t seed) {
  return al::guard([&] { at::manual_seed(static_cast<uint64_t>(seed)); });
}
