// Random number generators and random tensors.
//
// A generator handle is a heap-allocated at::Generator (a reference-counted pointer to the
// engine). Functions taking an AlGenerator accept null for libtorch's default generator of
// the result's device, which LibTorch.ManualSeed seeds. Other parts of the shim that draw
// random numbers (dropout) take the same handle and turn it into c10::optional<at::Generator>
// the same way as `generator()` below.
#include "common.h"

#include <ATen/CPUGeneratorImpl.h>

typedef at::Generator* AlGenerator;

namespace {
// al::shape with the pointer/length pair checked: a negative length or a null pointer would
// otherwise read wild memory instead of raising an error.
at::IntArrayRef checked_shape(const int64_t* dims, int64_t ndim) {
  TORCH_CHECK(ndim >= 0, "negative dimension count ", ndim);
  TORCH_CHECK(ndim == 0 || dims != nullptr, "null shape pointer with ", ndim, " dimensions");
  return al::shape(dims, ndim);
}

c10::optional<at::Generator> generator(AlGenerator g) {
  if (g == nullptr) return c10::nullopt;
  return *g;
}

at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index) {
  return at::TensorOptions()
      .dtype(static_cast<at::ScalarType>(dtype))
      .device(al::device(device_type, device_index));
}

// A generator must live on the device of the tensor it fills; ATen checks this for CUDA
// but reading a CPU engine for a CUDA tensor would be a silent mistake, so say it plainly.
void check_device(AlGenerator g, const at::TensorOptions& o) {
  if (g == nullptr) return;
  TORCH_CHECK(g->device().type() == o.device().type(), "generator on ", g->device(),
              " cannot fill a tensor on ", o.device());
}
}  // namespace

// A new generator seeded with `seed`: the CPU engine (mt19937, as torch.Generator()), or on
// CUDA a copy of the device's default Philox engine, reseeded. CUDA generators are reached
// through the hooks of the default context so that this file needs no CUDA headers.
AL_EXPORT int32_t al_generator_new(int32_t device_type, int32_t device_index, int64_t seed,
                                   AlGenerator* out) {
  return al::guard([&] {
    auto device = al::device(device_type, device_index);
    at::Generator result;
    if (device.is_cpu()) {
      result = at::make_generator<at::CPUGeneratorImpl>(static_cast<uint64_t>(seed));
    } else {
      TORCH_CHECK(at::hasCUDA(), "a CUDA generator needs a libtorch with CUDA and a GPU");
      if (!device.has_index()) device = at::Device(at::kCUDA, 0);
      const auto& base = at::globalContext().defaultGenerator(device);
      {
        std::lock_guard<std::mutex> lock(const_cast<at::Generator&>(base).mutex());
        result = base.clone();
      }
      result.set_current_seed(static_cast<uint64_t>(seed));
    }
    *out = new at::Generator(std::move(result));
  });
}

AL_EXPORT void al_generator_free(AlGenerator g) { delete g; }

AL_EXPORT int32_t al_generator_manual_seed(AlGenerator g, int64_t seed) {
  return al::guard([&] {
    TORCH_CHECK(g != nullptr, "null generator");
    std::lock_guard<std::mutex> lock(g->mutex());
    g->set_current_seed(static_cast<uint64_t>(seed));
  });
}

AL_EXPORT int32_t al_generator_initial_seed(AlGenerator g, int64_t* seed) {
  return al::guard([&] {
    TORCH_CHECK(g != nullptr, "null generator");
    *seed = static_cast<int64_t>(g->current_seed());
  });
}

AL_EXPORT int32_t al_generator_device(AlGenerator g, int32_t* type, int32_t* index) {
  return al::guard([&] {
    TORCH_CHECK(g != nullptr, "null generator");
    auto d = g->device();
    *type = d.is_cuda() ? 1 : 0;
    *index = d.has_index() ? d.index() : (d.is_cuda() ? 0 : -1);
  });
}

AL_EXPORT int32_t al_randn(const int64_t* dims, int64_t ndim, AlGenerator g, int32_t dtype,
                           int32_t device_type, int32_t device_index, AlTensor* out) {
  return al::guard([&] {
    auto o = options(dtype, device_type, device_index);
    check_device(g, o);
    *out = al::wrap(at::randn(checked_shape(dims, ndim), generator(g), o));
  });
}

AL_EXPORT int32_t al_rand(const int64_t* dims, int64_t ndim, AlGenerator g, int32_t dtype,
                          int32_t device_type, int32_t device_index, AlTensor* out) {
  return al::guard([&] {
    auto o = options(dtype, device_type, device_index);
    check_device(g, o);
    *out = al::wrap(at::rand(checked_shape(dims, ndim), generator(g), o));
  });
}

// Integers uniform in [low, high).
AL_EXPORT int32_t al_randint(int64_t low, int64_t high, const int64_t* dims, int64_t ndim,
                             AlGenerator g, int32_t dtype, int32_t device_type,
                             int32_t device_index, AlTensor* out) {
  return al::guard([&] {
    auto o = options(dtype, device_type, device_index);
    check_device(g, o);
    *out = al::wrap(at::randint(low, high, checked_shape(dims, ndim), generator(g), o));
  });
}
