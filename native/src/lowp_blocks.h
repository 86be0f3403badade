// Block-scaled formats (OCP MX, NVFP4) quantize blocks along one dimension: the shim moves
// that dimension last, works on contiguous rows, and moves it back.
#pragma once

#include "lowp_span.h"

namespace al::lowp {

// A float32 tensor with `dim` moved last and made contiguous, seen as (rows, length).
struct Rows {
  at::Tensor data;        // (..., length), contiguous
  int64_t dim;            // the blocked dimension, non-negative
  int64_t rows, length;   // length = size of the blocked dimension
  int64_t block, blocks;  // block size and blocks per row (the last one may be partial)

  Rows(const at::Tensor& x, int64_t dim_, int64_t block_, const char* what) : block(block_) {
    const at::Tensor in = contiguous_float(x, what);
    TORCH_CHECK(in.dim() >= 1, what, " needs a tensor of at least one dimension");
    TORCH_CHECK(block >= 1, what, ": block size must be positive, got ", block);
    dim = at::maybe_wrap_dim(dim_, in.dim());
    data = in.movedim(dim, -1).contiguous();
    length = data.size(-1);
    rows = length == 0 ? 0 : data.numel() / length;
    blocks = (length + block - 1) / block;
  }

  // A new float32 or int32 tensor shaped as `data`, with its last dimension `last` long.
  at::Tensor empty_like_rows(int64_t last, at::ScalarType dtype) const {
    auto sizes = data.sizes().vec();
    sizes.back() = last;
    return at::empty(sizes, data.options().dtype(dtype));
  }

  // Moves the last dimension back to where it came from.
  at::Tensor restore(const at::Tensor& t) const { return t.movedim(-1, dim).contiguous(); }

  // Runs body(row, block index, first element, element count) for every block, in parallel.
  template <class Body>
  void for_each_block(Body&& body) const {
    at::parallel_for(0, rows * blocks, std::max<int64_t>(1, kGrain / block), [&](int64_t begin, int64_t end) {
      for (int64_t id = begin; id < end; ++id) {
        const int64_t row = id / blocks, b = id % blocks;
        const int64_t first = row * length + b * block;
        body(id, first, std::min(block, length - b * block));
      }
    });
  }
};

// Fills a block with one value and one code (NaN blocks, zero blocks); codes may be null.
inline void fill_block(float* dst, uint32_t* codes, int64_t first, int64_t n, float value, uint32_t code) {
  for (int64_t i = first; i < first + n; ++i) {
    dst[i] = value;
    if (codes != nullptr) codes[i] = code;
  }
}

// dst = Q(src * pre) * post over a block, with codes when asked (the scalar path) or without
// (the vectorised one); both draw stochastic bits from the element's index.
template <int32_t R>
inline void quantize_block(const float* src, float* dst, uint32_t* codes, int64_t first, int64_t n,
                           const Grid& g, uint64_t seed, float pre, float post) {
  if (codes == nullptr) {
    quantize_span(src + first, dst + first, n, g, seed, first, pre, post);
    return;
  }
  for (int64_t i = first; i < first + n; ++i) {
    const uint64_t random = R == kStochastic ? random_bits(seed, static_cast<uint64_t>(i)) : 0;
    dst[i] = quantize<R>(src[i] * pre, g, random, codes + i) * post;
  }
}

}  // namespace al::lowp
