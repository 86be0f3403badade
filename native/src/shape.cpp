// Views and reshaping: view, reshape, permute, transpose, squeeze, expand, flatten,
// joining (cat, stack), splitting (split, chunk, narrow), repeat, flip, tril, triu.
#include "common.h"

namespace {
// al::shape with the pointer/length pair checked: a negative length or a null pointer would
// otherwise read wild memory instead of raising an error.
at::IntArrayRef checked_shape(const int64_t* dims, int64_t ndim) {
  TORCH_CHECK(ndim >= 0, "negative dimension count ", ndim);
  TORCH_CHECK(ndim == 0 || dims != nullptr, "null shape pointer with ", ndim, " dimensions");
  return al::shape(dims, ndim);
}

// Multi-result ops report their count and write the handles only when the caller made room
// for all of them; a caller that does not know the count asks with capacity 0 first.
void write_results(std::vector<at::Tensor>&& list, AlTensor* out, int64_t capacity,
                   int64_t* count) {
  *count = static_cast<int64_t>(list.size());
  if (*count <= capacity) al::write_tensors(std::move(list), out, capacity);
}

void check_count(const void* handles, int64_t count) {
  TORCH_CHECK(count >= 0, "negative tensor count ", count);
  TORCH_CHECK(count == 0 || handles != nullptr, "null tensor list");
}
}  // namespace

AL_EXPORT int32_t al_view(AlTensor t, const int64_t* dims, int64_t ndim, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->view(checked_shape(dims, ndim))); });
}

AL_EXPORT int32_t al_reshape(AlTensor t, const int64_t* dims, int64_t ndim, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->reshape(checked_shape(dims, ndim))); });
}

AL_EXPORT int32_t al_permute(AlTensor t, const int64_t* dims, int64_t ndim, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->permute(checked_shape(dims, ndim))); });
}

AL_EXPORT int32_t al_transpose(AlTensor t, int64_t dim0, int64_t dim1, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->transpose(dim0, dim1)); });
}

AL_EXPORT int32_t al_t(AlTensor t, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->t()); });
}

AL_EXPORT int32_t al_contiguous(AlTensor t, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->contiguous()); });
}

AL_EXPORT int32_t al_squeeze(AlTensor t, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->squeeze()); });
}

AL_EXPORT int32_t al_squeeze_dim(AlTensor t, int64_t dim, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->squeeze(dim)); });
}

AL_EXPORT int32_t al_unsqueeze(AlTensor t, int64_t dim, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->unsqueeze(dim)); });
}

AL_EXPORT int32_t al_expand(AlTensor t, const int64_t* dims, int64_t ndim, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->expand(checked_shape(dims, ndim))); });
}

AL_EXPORT int32_t al_expand_as(AlTensor t, AlTensor other, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->expand_as(*other)); });
}

AL_EXPORT int32_t al_flatten(AlTensor t, int64_t start_dim, int64_t end_dim, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->flatten(start_dim, end_dim)); });
}

AL_EXPORT int32_t al_cat(const AlTensor* tensors, int64_t count, int64_t dim, AlTensor* out) {
  return al::guard([&] {
    check_count(tensors, count);
    *out = al::wrap(at::cat(al::tensors(tensors, count), dim));
  });
}

AL_EXPORT int32_t al_stack(const AlTensor* tensors, int64_t count, int64_t dim, AlTensor* out) {
  return al::guard([&] {
    check_count(tensors, count);
    *out = al::wrap(at::stack(al::tensors(tensors, count), dim));
  });
}

AL_EXPORT int32_t al_split(AlTensor t, int64_t split_size, int64_t dim, AlTensor* out,
                           int64_t capacity, int64_t* count) {
  return al::guard([&] { write_results(t->split(split_size, dim), out, capacity, count); });
}

AL_EXPORT int32_t al_split_with_sizes(AlTensor t, const int64_t* sizes, int64_t nsizes,
                                      int64_t dim, AlTensor* out, int64_t capacity,
                                      int64_t* count) {
  return al::guard([&] {
    write_results(t->split_with_sizes(checked_shape(sizes, nsizes), dim), out, capacity, count);
  });
}

AL_EXPORT int32_t al_chunk(AlTensor t, int64_t chunks, int64_t dim, AlTensor* out,
                           int64_t capacity, int64_t* count) {
  return al::guard([&] { write_results(t->chunk(chunks, dim), out, capacity, count); });
}

AL_EXPORT int32_t al_narrow(AlTensor t, int64_t dim, int64_t start, int64_t length,
                            AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->narrow(dim, start, length)); });
}

AL_EXPORT int32_t al_repeat(AlTensor t, const int64_t* repeats, int64_t nrepeats, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->repeat(checked_shape(repeats, nrepeats))); });
}

AL_EXPORT int32_t al_flip(AlTensor t, const int64_t* dims, int64_t ndims, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->flip(checked_shape(dims, ndims))); });
}

AL_EXPORT int32_t al_tril(AlTensor t, int64_t diagonal, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->tril(diagonal)); });
}

AL_EXPORT int32_t al_triu(AlTensor t, int64_t diagonal, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(t->triu(diagonal)); });
}
