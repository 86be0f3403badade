// Indexing: select, slice, index_select, gather, scatter_add, masked_fill, where, and
// Python-style subscripts (x[1, ..., None, 2:5:2, idx]) through at::indexing.
#include "common.h"

#include <ATen/TensorIndexing.h>

// One entry of a subscript, as the managed side lays it out.
struct AlIndex {
  int32_t kind;   // see IndexKind
  int32_t flags;  // slices: bit 0 = start given, bit 1 = stop given
  int64_t start;  // integer value, bool value (0/1) or slice start
  int64_t stop;   // slice stop
  int64_t step;   // slice step
  AlTensor tensor;
};

namespace {
enum IndexKind : int32_t {
  kInteger = 0,
  kSlice = 1,
  kEllipsis = 2,
  kNewAxis = 3,
  kBoolean = 4,
  kTensor = 5,
};

at::indexing::Slice slice(const AlIndex& index) {
  using at::indexing::Slice;
  bool has_start = (index.flags & 1) != 0, has_stop = (index.flags & 2) != 0;
  // Absent bounds stay absent (c10::nullopt) so that the defaults are libtorch's own.
  if (has_start && has_stop) return Slice(index.start, index.stop, index.step);
  if (has_start) return Slice(index.start, c10::nullopt, index.step);
  if (has_stop) return Slice(c10::nullopt, index.stop, index.step);
  return Slice(c10::nullopt, c10::nullopt, index.step);
}

std::vector<at::indexing::TensorIndex> subscript(const AlIndex* indices, int64_t count) {
  TORCH_CHECK(count >= 0, "negative index count ", count);
  TORCH_CHECK(count == 0 || indices != nullptr, "null index list");
  std::vector<at::indexing::TensorIndex> result;
  result.reserve(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) {
    const auto& index = indices[i];
    switch (index.kind) {
      case kInteger: result.emplace_back(index.start); break;
      case kSlice: result.emplace_back(slice(index)); break;
      case kEllipsis: result.emplace_back(at::indexing::Ellipsis); break;
      case kNewAxis: result.emplace_back(at::indexing::None); break;
      case kBoolean: result.emplace_back(index.start != 0); break;
      case kTensor:
        TORCH_CHECK(index.tensor != nullptr, "null tensor in index ", i);
        result.emplace_back(*index.tensor);
        break;
      default: TORCH_CHECK(false, "unknown index kind ", index.kind, " at position ", i);
    }
  }
  return result;
}
}  // namespace

AL_EXPORT int32_t al_select(AlTensor t, int64_t dim, int64_t index, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->select(dim, index)); });
}

AL_EXPORT int32_t al_slice(AlTensor t, int64_t dim, int32_t has_start, int64_t start,
                           int32_t has_end, int64_t end, int64_t step, AlTensor* out) {
  return al::guard([&] {
    c10::optional<int64_t> s = has_start ? c10::optional<int64_t>(start) : c10::nullopt;
    c10::optional<int64_t> e = has_end ? c10::optional<int64_t>(end) : c10::nullopt;
    *out = al::wrap(at::slice(*t, dim, s, e, step));
  });
}

AL_EXPORT int32_t al_index(AlTensor t, const AlIndex* indices, int64_t count, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->index(subscript(indices, count))); });
}

AL_EXPORT int32_t al_index_put_(AlTensor t, const AlIndex* indices, int64_t count,
                                AlTensor value) {
  return al::guard([&] { t->index_put_(subscript(indices, count), *value); });
}

AL_EXPORT int32_t al_index_put_scalar_(AlTensor t, const AlIndex* indices, int64_t count,
                                       AlScalar value) {
  return al::guard([&] { t->index_put_(subscript(indices, count), al::scalar(value)); });
}

AL_EXPORT int32_t al_index_select(AlTensor t, int64_t dim, AlTensor index, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->index_select(dim, *index)); });
}

AL_EXPORT int32_t al_gather(AlTensor t, int64_t dim, AlTensor index, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->gather(dim, *index)); });
}

AL_EXPORT int32_t al_scatter_add(AlTensor t, int64_t dim, AlTensor index, AlTensor source,
                                 AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->scatter_add(dim, *index, *source)); });
}

AL_EXPORT int32_t al_masked_fill(AlTensor t, AlTensor mask, AlScalar value, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->masked_fill(*mask, al::scalar(value))); });
}

AL_EXPORT int32_t al_masked_fill_tensor(AlTensor t, AlTensor mask, AlTensor value,
                                        AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->masked_fill(*mask, *value)); });
}

AL_EXPORT int32_t al_where(AlTensor condition, AlTensor a, AlTensor b, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::where(*condition, *a, *b)); });
}

AL_EXPORT int32_t al_where_scalar_other(AlTensor condition, AlTensor a, AlScalar b,
                                        AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::where(*condition, *a, al::scalar(b))); });
}

AL_EXPORT int32_t al_where_scalar_self(AlTensor condition, AlScalar a, AlTensor b,
                                       AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::where(*condition, al::scalar(a), *b)); });
}
