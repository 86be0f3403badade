// Shared plumbing of the native shim: the error guard, tensor handles and argument types.
//
// Ownership rule (DESIGN.md): every function that returns a tensor returns a new handle the
// caller owns and must free with al_tensor_free; in-place functions return nothing new;
// no function frees its inputs.
#pragma once

#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>
#include <ATen/Parallel.h>
#include <torch/version.h>

#include <atomic>
#include <cstdint>
#include <exception>
#include <string>
#include <vector>

#define AL_EXPORT extern "C" __attribute__((visibility("default")))

// A tensor handle is a heap-allocated at::Tensor (itself a reference-counted pointer).
typedef at::Tensor* AlTensor;

// A scalar crosses the boundary by value with its kind, so that `int_tensor + 2` stays
// integral and `int_tensor + 2.5` promotes, as in PyTorch.
struct AlScalar {
  double real;
  int64_t integer;
  int32_t kind;  // 0 = floating, 1 = integer, 2 = bool
};

namespace al {

void set_error(const std::string& message);
std::atomic<int64_t>& live_tensors();

// Moves a result onto the heap and counts it; the caller now owns the handle.
inline AlTensor wrap(at::Tensor&& tensor) {
  live_tensors().fetch_add(1, std::memory_order_relaxed);
  return new at::Tensor(std::move(tensor));
}

inline at::Scalar scalar(AlScalar s) {
  switch (s.kind) {
    case 1: return at::Scalar(s.integer);
    case 2: return at::Scalar(s.integer != 0);
    default: return at::Scalar(s.real);
  }
}

inline at::IntArrayRef shape(const int64_t* dims, int64_t length) {
  return at::IntArrayRef(dims, static_cast<size_t>(length));
}

inline at::Device device(int32_t type, int32_t index) {
  return at::Device(type == 1 ? at::DeviceType::CUDA : at::DeviceType::CPU,
                    static_cast<c10::DeviceIndex>(index));
}

inline std::vector<at::Tensor> tensors(const AlTensor* handles, int64_t count) {
  std::vector<at::Tensor> list;
  list.reserve(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) list.push_back(*handles[i]);
  return list;
}

// Writes a list of results into caller memory of `capacity` handles.
void write_tensors(std::vector<at::Tensor>&& list, AlTensor* out, int64_t capacity);

// Runs `body` and turns every C++ exception into a status: 0 = success, 1 = error with
// the message (without libtorch's C++ backtrace) kept for al_last_error().
template <class Body>
inline int32_t guard(Body&& body) noexcept {
  try {
    body();
    return 0;
  } catch (const c10::Error& e) {
    set_error(e.what_without_backtrace());
  } catch (const std::exception& e) {
    set_error(e.what());
  } catch (...) {
    set_error("unknown native error");
  }
  return 1;
}

}  // namespace al
