// Reductions: sums, means, moments, extrema, top-k, cumulative sums, norms, all/any.
#include "common.h"

namespace {

// `ndim < 0` means "every dimension" (PyTorch's dim=None).
at::OptionalIntArrayRef dims_or_all(const int64_t* dims, int64_t ndim) {
  if (ndim < 0) return c10::nullopt;
  return al::shape(dims, ndim);
}

// `dtype < 0` means "keep the input's dtype" (PyTorch's dtype=None).
c10::optional<at::ScalarType> optional_dtype(int32_t dtype) {
  if (dtype < 0) return c10::nullopt;
  return static_cast<at::ScalarType>(dtype);
}

// libtorch 2.x takes the correction as a Scalar, 1.13 as an int64.
#if TORCH_VERSION_MAJOR >= 2
c10::optional<at::Scalar> correction_of(int64_t correction) { return at::Scalar(correction); }
#else
c10::optional<int64_t> correction_of(int64_t correction) { return correction; }
#endif

void write_pair(std::tuple<at::Tensor, at::Tensor>&& pair, AlTensor* values, AlTensor* indices) {
  *values = al::wrap(std::move(std::get<0>(pair)));
  *indices = al::wrap(std::move(std::get<1>(pair)));
}

}  // namespace

AL_EXPORT int32_t al_sum(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::sum(*a)); });
}

AL_EXPORT int32_t al_sum_dims(AlTensor a, const int64_t* dims, int64_t ndim, int32_t keepdim,
                              int32_t dtype, AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(at::sum(*a, dims_or_all(dims, ndim), keepdim != 0, optional_dtype(dtype)));
  });
}

AL_EXPORT int32_t al_mean_dims(AlTensor a, const int64_t* dims, int64_t ndim, int32_t keepdim,
                               int32_t dtype, AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(at::mean(*a, dims_or_all(dims, ndim), keepdim != 0, optional_dtype(dtype)));
  });
}

// correction = 1 is Bessel's unbiased estimate, 0 the population variance.
AL_EXPORT int32_t al_var(AlTensor a, const int64_t* dims, int64_t ndim, int64_t correction,
                         int32_t keepdim, AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(at::var(*a, dims_or_all(dims, ndim), correction_of(correction), keepdim != 0));
  });
}

AL_EXPORT int32_t al_std(AlTensor a, const int64_t* dims, int64_t ndim, int64_t correction,
                         int32_t keepdim, AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(at::std(*a, dims_or_all(dims, ndim), correction_of(correction), keepdim != 0));
  });
}

AL_EXPORT int32_t al_prod(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::prod(*a)); });
}

AL_EXPORT int32_t al_prod_dim(AlTensor a, int64_t dim, int32_t keepdim, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::prod(*a, dim, keepdim != 0)); });
}

AL_EXPORT int32_t al_cumsum(AlTensor a, int64_t dim, int32_t dtype, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::cumsum(*a, dim, optional_dtype(dtype))); });
}

// The vector p-norm over `dims` (all when ndim < 0), as torch.linalg.vector_norm.
AL_EXPORT int32_t al_norm(AlTensor a, double p, const int64_t* dims, int64_t ndim, int32_t keepdim,
                          AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(at::linalg_vector_norm(*a, p, dims_or_all(dims, ndim), keepdim != 0));
  });
}

// log Σ exp(x) over `dims`, computed without overflow.
AL_EXPORT int32_t al_logsumexp(AlTensor a, const int64_t* dims, int64_t ndim, int32_t keepdim,
                               AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::logsumexp(*a, al::shape(dims, ndim), keepdim != 0)); });
}

AL_EXPORT int32_t al_max(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::max(*a)); });
}

AL_EXPORT int32_t al_min(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::min(*a)); });
}

AL_EXPORT int32_t al_max_dim(AlTensor a, int64_t dim, int32_t keepdim, AlTensor* values,
                             AlTensor* indices) {
  return al::guard([&] { write_pair(at::max(*a, dim, keepdim != 0), values, indices); });
}

AL_EXPORT int32_t al_min_dim(AlTensor a, int64_t dim, int32_t keepdim, AlTensor* values,
                             AlTensor* indices) {
  return al::guard([&] { write_pair(at::min(*a, dim, keepdim != 0), values, indices); });
}

// `has_dim == 0`: the index into the flattened tensor.
AL_EXPORT int32_t al_argmax(AlTensor a, int64_t dim, int32_t has_dim, int32_t keepdim, AlTensor* out) {
  return al::guard([&] {
    auto d = has_dim != 0 ? c10::optional<int64_t>(dim) : c10::nullopt;
    *out = al::wrap(at::argmax(*a, d, keepdim != 0));
  });
}

AL_EXPORT int32_t al_argmin(AlTensor a, int64_t dim, int32_t has_dim, int32_t keepdim, AlTensor* out) {
  return al::guard([&] {
    auto d = has_dim != 0 ? c10::optional<int64_t>(dim) : c10::nullopt;
    *out = al::wrap(at::argmin(*a, d, keepdim != 0));
  });
}

// Elementwise-reduced extrema over several dims (no indices; gradient spread evenly over ties).
AL_EXPORT int32_t al_amax(AlTensor a, const int64_t* dims, int64_t ndim, int32_t keepdim, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::amax(*a, al::shape(dims, ndim), keepdim != 0)); });
}

AL_EXPORT int32_t al_amin(AlTensor a, const int64_t* dims, int64_t ndim, int32_t keepdim, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::amin(*a, al::shape(dims, ndim), keepdim != 0)); });
}

AL_EXPORT int32_t al_topk(AlTensor a, int64_t k, int64_t dim, int32_t largest, int32_t sorted,
                          AlTensor* values, AlTensor* indices) {
  return al::guard([&] { write_pair(at::topk(*a, k, dim, largest != 0, sorted != 0), values, indices); });
}

AL_EXPORT int32_t al_all(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::all(*a)); });
}

AL_EXPORT int32_t al_all_dim(AlTensor a, int64_t dim, int32_t keepdim, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::all(*a, dim, keepdim != 0)); });
}

AL_EXPORT int32_t al_any(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::any(*a)); });
}

AL_EXPORT int32_t al_any_dim(AlTensor a, int64_t dim, int32_t keepdim, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::any(*a, dim, keepdim != 0)); });
}
