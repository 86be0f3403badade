// Activation functions and (log-)softmax.
#include "common.h"

AL_EXPORT int32_t al_tanh(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::tanh(*a)); });
}

AL_EXPORT int32_t al_sigmoid(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::sigmoid(*a)); });
}

AL_EXPORT int32_t al_relu(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::relu(*a)); });
}

// approximate: 0 = exact erf form, 1 = tanh approximation (Hendrycks & Gimpel 2016).
AL_EXPORT int32_t al_gelu(AlTensor a, int32_t approximate, AlTensor* out) {
  return al::guard([&] {
    TORCH_CHECK(approximate == 0 || approximate == 1, "gelu: approximate must be 0 (none) or 1 (tanh), got ",
                approximate);
    *out = al::wrap(at::gelu(*a, approximate == 1 ? "tanh" : "none"));
  });
}

AL_EXPORT int32_t al_silu(AlTensor a, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::silu(*a)); });
}

// `dtype >= 0` casts the input to that dtype first (e.g. accumulate float16 logits in float32).
AL_EXPORT int32_t al_softmax(AlTensor a, int64_t dim, int32_t dtype, AlTensor* out) {
  return al::guard([&] {
    auto d = dtype < 0 ? c10::optional<at::ScalarType>() : static_cast<at::ScalarType>(dtype);
    *out = al::wrap(at::softmax(*a, dim, d));
  });
}

AL_EXPORT int32_t al_log_softmax(AlTensor a, int64_t dim, int32_t dtype, AlTensor* out) {
  return al::guard([&] {
    auto d = dtype < 0 ? c10::optional<at::ScalarType>() : static_cast<at::ScalarType>(dtype);
    *out = al::wrap(at::log_softmax(*a, dim, d));
  });
}
