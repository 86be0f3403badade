// Automatic mixed precision: the thread-local autocast switches of ATen.
//
// While autocast is on for a device type, eligible ops (matmul, linear, ...) on that device
// run in the autocast dtype and others (softmax, losses) in float32, as torch.autocast does.
// ATen caches the low-precision copies of leaf weights for the region; the region's owner
// must clear that cache when the outermost region ends (al_autocast_exit does), or a later
// step would reuse copies of weights the optimizer has since changed.
//
// libtorch 2.4 replaced the per-device functions (set_enabled for CUDA, set_cpu_enabled, ...)
// with ones that take a device type; both are reached through the helpers below.
#include "common.h"

#include <ATen/autocast_mode.h>

#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define AL_AUTOCAST_BY_DEVICE 1
#else
#define AL_AUTOCAST_BY_DEVICE 0
#endif

namespace {
at::DeviceType device_type(int32_t type) {
  TORCH_CHECK(type == 0 || type == 1, "autocast: unknown device type ", type);
  return type == 1 ? at::kCUDA : at::kCPU;
}

bool is_enabled(at::DeviceType d) {
#if AL_AUTOCAST_BY_DEVICE
  return at::autocast::is_autocast_enabled(d);
#else
  return d == at::kCUDA ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
#endif
}

void set_enabled(at::DeviceType d, bool enabled) {
#if AL_AUTOCAST_BY_DEVICE
  at::autocast::set_autocast_enabled(d, enabled);
#else
  if (d == at::kCUDA) {
    at::autocast::set_enabled(enabled);
  } else {
    at::autocast::set_cpu_enabled(enabled);
  }
#endif
}

at::ScalarType get_dtype(at::DeviceType d) {
#if AL_AUTOCAST_BY_DEVICE
  return at::autocast::get_autocast_dtype(d);
#else
  return d == at::kCUDA ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
#endif
}

void set_dtype(at::DeviceType d, at::ScalarType dtype) {
#if AL_AUTOCAST_BY_DEVICE
  at::autocast::set_autocast_dtype(d, dtype);
#else
  if (d == at::kCUDA) {
    at::autocast::set_autocast_gpu_dtype(dtype);
  } else {
    at::autocast::set_autocast_cpu_dtype(dtype);
  }
#endif
}
}  // namespace

AL_EXPORT int32_t al_autocast_state(int32_t device, int32_t* enabled, int32_t* dtype) {
  return al::guard([&] {
    auto d = device_type(device);
    *enabled = is_enabled(d) ? 1 : 0;
    *dtype = static_cast<int32_t>(get_dtype(d));
  });
}

// Opens an autocast region: records nothing itself (the caller keeps the previous state
// from al_autocast_state) and counts the nesting, as torch.autocast's __enter__.
AL_EXPORT int32_t al_autocast_enter(int32_t device, int32_t enabled, int32_t dtype) {
  return al::guard([&] {
    auto d = device_type(device);
    auto type = static_cast<at::ScalarType>(dtype);
    TORCH_CHECK(type == at::kHalf || type == at::kBFloat16, "autocast runs in float16 or bfloat16, not ", type);
    set_dtype(d, type);
    set_enabled(d, enabled != 0);
    at::autocast::increment_nesting();
  });
}

// Closes a region and restores the state before it; the outermost exit drops the cache of
// cast weights, as torch.autocast's __exit__.
AL_EXPORT int32_t al_autocast_exit(int32_t device, int32_t previous_enabled, int32_t previous_dtype) {
  return al::guard([&] {
    auto d = device_type(device);
    if (at::autocast::decrement_nesting() == 0) {
      at::autocast::clear_cache();
    }
    set_enabled(d, previous_enabled != 0);
    set_dtype(d, static_cast<at::ScalarType>(previous_dtype));
  });
}
