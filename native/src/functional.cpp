// The functional layer: embedding, linear, norms, dropout, losses and attention.
//
// Optional tensor arguments arrive as null handles. Reductions use at::Reduction's values
// (0 = none, 1 = mean, 2 = sum).
#include "common.h"

#include <cmath>
#include <limits>

namespace {

c10::optional<at::Tensor> optional(AlTensor t) {
  return t == nullptr ? c10::optional<at::Tensor>() : c10::optional<at::Tensor>(*t);
}

int64_t reduction(int32_t r) {
  TORCH_CHECK(r >= 0 && r <= 2, "reduction must be 0 (none), 1 (mean) or 2 (sum), got ", r);
  return r;
}

// The machine epsilon of a floating dtype: nn.RMSNorm's default eps (torch.finfo(dtype).eps).
double machine_epsilon(at::ScalarType type) {
  switch (type) {
    case at::kDouble: return std::numeric_limits<double>::epsilon();
    case at::kHalf: return 0.0009765625;     // 2^-10
    case at::kBFloat16: return 0.0078125;    // 2^-7
    default: return std::numeric_limits<float>::epsilon();
  }
}

// The attention weights as PyTorch's documentation of scaled_dot_product_attention defines
// them: softmax(q kᵀ · scale + bias) over the keys, where bias is −inf outside a causal
// (top-left aligned, lower-triangular) or boolean mask, or the float mask itself.
at::Tensor attention_weights(const at::Tensor& q, const at::Tensor& k,
                             const c10::optional<at::Tensor>& mask, bool causal, double scale) {
  auto L = q.size(-2);
  auto S = k.size(-2);
  auto scores = at::matmul(q, k.transpose(-2, -1)) * scale;  // (..., L, S)
  auto minus_inf = -std::numeric_limits<double>::infinity();
  if (causal) {
    auto keep = at::ones({L, S}, q.options().dtype(at::kBool)).tril(0);
    scores = scores.masked_fill(keep.logical_not(), minus_inf);
  }
  if (mask.has_value()) {
    if (mask->scalar_type() == at::kBool) {
      scores = scores.masked_fill(mask->logical_not(), minus_inf);
    } else {
      scores = scores + *mask;
    }
  }
  return at::softmax(scores, -1);
}

void check_attention(const at::Tensor& q, const at::Tensor& k, bool causal, bool has_mask) {
  TORCH_CHECK(q.dim() >= 2 && k.dim() >= 2, "attention needs q and k of at least 2 dimensions");
  TORCH_CHECK(q.size(-1) == k.size(-1), "query dim ", q.size(-1), " differs from key dim ", k.size(-1));
  TORCH_CHECK(!(causal && has_mask), "scaled_dot_product_attention: give either causal or a mask, not both");
}

double attention_scale(const at::Tensor& q, double scale) {
  return scale > 0 ? scale : 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
}

}  // namespace

// weight (n, d), ids of any shape (int64 or int32) -> (*ids.shape, d).
AL_EXPORT int32_t al_embedding(AlTensor weight, AlTensor ids, AlTensor* out) {
  return al::guard([&] {
    TORCH_CHECK(weight->dim() == 2, "embedding weight must be 2-D (num_embeddings, dim), got shape ",
                weight->sizes());
    TORCH_CHECK(ids->scalar_type() == at::kLong || ids->scalar_type() == at::kInt,
                "embedding ids must be int64 or int32, got ", ids->scalar_type());
    *out = al::wrap(at::embedding(*weight, *ids));
  });
}

// y = x wᵀ + b with w (out, in); `bias` may be null.
AL_EXPORT int32_t al_linear(AlTensor x, AlTensor weight, AlTensor bias, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(at::linear(*x, *weight, optional(bias))); });
}

// Normalizes over the trailing dims `normalized_shape`; weight and bias may be null.
AL_EXPORT int32_t al_layer_norm(AlTensor x, const int64_t* normalized_shape, int64_t ndim,
                                AlTensor weight, AlTensor bias, double eps, AlTensor* out) {
  return al::guard([&] {
    *out = al::wrap(at::layer_norm(*x, al::shape(normalized_shape, ndim), optional(weight),
                                   optional(bias), eps, true));
  });
}

// x / sqrt(mean(x², last dim) + eps) · weight (Zhang & Sennrich 2019, eq. 4). Composed here
// because at::rms_norm exists only from libtorch 2.4. A negative eps means the dtype's
// machine epsilon, nn.RMSNorm's default.
AL_EXPORT int32_t al_rms_norm(AlTensor x, AlTensor weight, double eps, AlTensor* out) {
  return al::guard([&] {
    TORCH_CHECK(x->dim() >= 1, "rms_norm needs at least one dimension");
    TORCH_CHECK(at::isFloatingType(x->scalar_type()), "rms_norm needs a floating tensor, got ",
                x->scalar_type());
    if (weight != nullptr) {
      TORCH_CHECK(weight->dim() == 1 && weight->size(0) == x->size(-1), "rms_norm weight of shape ",
                  weight->sizes(), " does not match the last dimension of input of shape ", x->sizes());
    }
    double e = eps < 0 ? machine_epsilon(x->scalar_type()) : eps;
    auto y = *x * at::rsqrt(x->pow(2).mean({-1}, true) + e);
    if (weight != nullptr) y = y * *weight;
    *out = al::wrap(std::move(y));
  });
}

// Zeroes each element with probability p and scales the rest by 1/(1 − p) when training;
// the identity otherwise.
AL_EXPORT int32_t al_dropout(AlTensor x, double p, int32_t training, AlTensor* out) {
  return al::guard([&] {
    TORCH_CHECK(p >= 0 && p <= 1, "dropout probability has to be between 0 and 1, but got ", p);
    *out = al::wrap(at::dropout(*x, p, training != 0));
  });
}

// logits (N, C) or (N, C, d1, ...) or (C); targets class indices (N) / (N, d1, ...) or class
// probabilities shaped like logits. `weight` (C) may be null.
AL_EXPORT int32_t al_cross_entropy(AlTensor logits, AlTensor targets, AlTensor weight,
                                   int32_t reduction_kind, int64_t ignore_index,
                                   double label_smoothing, AlTensor* out) {
  return al::guard([&] {
    TORCH_CHECK(label_smoothing >= 0 && label_smoothing <= 1,
                "label_smoothing must be between 0.0 and 1.0, got ", label_smoothing);
    *out = al::wrap(at::cross_entropy_loss(*logits, *targets, optional(weight),
                                           reduction(reduction_kind), ignore_index,
                                           label_smoothing));
  });
}

AL_EXPORT int32_t al_mse_loss(AlTensor input, AlTensor target, int32_t reduction_kind, AlTensor* out) {
  return al::guard([&] {
    TORCH_CHECK(input->sizes() == target->sizes(), "mse_loss: input of shape ", input->sizes(),
                " and target of shape ", target->sizes(), " differ");
    *out = al::wrap(at::mse_loss(*input, *target, reduction(reduction_kind)));
  });
}

AL_EXPORT int32_t al_l1_loss(AlTensor input, AlTensor target, int32_t reduction_kind, AlTensor* out) {
  return al::guard([&] {
    TORCH_CHECK(input->sizes() == target->sizes(), "l1_loss: input of shape ", input->sizes(),
                " and target of shape ", target->sizes(), " differ");
    *out = al::wrap(at::l1_loss(*input, *target, reduction(reduction_kind)));
  });
}

// q (..., L, E), k (..., S, E), v (..., S, Ev) -> (..., L, Ev). `mask` (broadcastable to
// (..., L, S)) may be null: a bool mask marks the pairs that may attend, a float mask is
// added to the scores. `scale` <= 0 means 1/sqrt(E). With libtorch >= 2.1 this calls the
// fused kernel unless `force_composed` is set; otherwise the composed reference.
AL_EXPORT int32_t al_scaled_dot_product_attention(AlTensor q, AlTensor k, AlTensor v, AlTensor mask,
                                                  double dropout_p, int32_t causal, double scale,
                                                  int32_t force_composed, AlTensor* out) {
  return al::guard([&] {
    check_attention(*q, *k, causal != 0, mask != nullptr);
    TORCH_CHECK(v->dim() >= 2, "attention needs v of at least 2 dimensions");
    TORCH_CHECK(k->size(-2) == v->size(-2), "key length ", k->size(-2), " differs from value length ",
                v->size(-2));
    TORCH_CHECK(dropout_p >= 0 && dropout_p < 1, "dropout_p must be in [0, 1), got ", dropout_p);
    double s = attention_scale(*q, scale);
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
    if (force_composed == 0) {
      *out = al::wrap(at::scaled_dot_product_attention(*q, *k, *v, optional(mask), dropout_p,
                                                       causal != 0, s));
      return;
    }
#endif
    // The fallback: the documented formula, composed.
    auto weights = attention_weights(*q, *k, optional(mask), causal != 0, s);  // (..., L, S)
    if (dropout_p > 0) weights = at::dropout(weights, dropout_p, true);
    *out = al::wrap(at::matmul(weights, *v));  // (..., L, Ev)
  });
}

// The attention pattern softmax(q kᵀ · scale + bias) (..., L, S) that
// al_scaled_dot_product_attention applies to v, for looking inside a model.
AL_EXPORT int32_t al_attention_weights(AlTensor q, AlTensor k, AlTensor mask, int32_t causal,
                                       double scale, AlTensor* out) {
  return al::guard([&] {
    check_attention(*q, *k, causal != 0, mask != nullptr);
    *out = al::wrap(attention_weights(*q, *k, optional(mask), causal != 0, attention_scale(*q, scale)));
  });
}

// Whether al_scaled_dot_product_attention uses libtorch's fused kernel in this build.
AL_EXPORT int32_t al_sdpa_is_fused(int32_t* fused) {
  return al::guard([&] {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
    *fused = 1;
#else
    *fused = 0;
#endif
  });
}
