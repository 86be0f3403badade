// The vectorised quantize loop shared by the per-tensor, MX and NVFP4 kernels (lowp_span.cpp).
#pragma once

#include "lowp_grid.h"

namespace al::lowp {

// dst[i] = Q(src[i] * pre) * post for i < n, rounding as g.rounding says; stochastic draws
// use element index index0 + i. Same results as quantize<R>() (tested against each other).
void quantize_span(const float* src, float* dst, int64_t n, const Grid& g, uint64_t seed, int64_t index0,
                   float pre, float post);

// max |x| of a block, or NaN when the block holds an Inf or NaN.
float block_amax(const float* x, int64_t n);

}  // namespace al::lowp
