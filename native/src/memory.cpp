// Host-memory policy. libtorch's CPU allocator takes tensor storage from the C library's
// malloc. glibc serves blocks above its mmap threshold (128 KiB at first) with fresh mmap
// calls and gives memory above its trim threshold back to the system on free, so a training
// step whose activations are a few MiB each page-faults and zero-fills the same memory again
// on every step (measured: 10-15 % of a small model's CPU step spent in the kernel).
#include "common.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// Serves blocks up to `mmap_threshold` bytes from the heap and never trims it, so freed
// tensor storage is reused by the next step. glibc caps the threshold at 32 MiB on 64-bit.
AL_EXPORT int32_t al_retain_freed_host_memory(int64_t mmap_threshold) {
  return al::guard([&] {
#if defined(__GLIBC__)
    TORCH_CHECK(mmap_threshold > 0 && mmap_threshold <= (int64_t{32} << 20),
                "mmap threshold must lie in (0, 32 MiB], got ", mmap_threshold);
    TORCH_CHECK(mallopt(M_MMAP_THRESHOLD, static_cast<int>(mmap_threshold)) == 1,
                "mallopt(M_MMAP_THRESHOLD) refused ", mmap_threshold);
    // INT_MAX disables trimming for all practical purposes; mallopt takes an int.
    TORCH_CHECK(mallopt(M_TRIM_THRESHOLD, 0x7fffffff) == 1, "mallopt(M_TRIM_THRESHOLD) failed");
#else
    TORCH_CHECK(false, "retaining freed host memory needs glibc's mallopt");
#endif
  });
}
