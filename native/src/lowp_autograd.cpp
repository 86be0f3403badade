// Low-precision formats inside training, as autograd functions over the quantizers of
// lowp_quantize.cpp, lowp_mx.cpp, lowp_nvfp4.cpp and the L-Mul matmul of lowp_lmul.cpp:
//
//   fake quantize  forward  y = Q_f(x)                      (or y = x when Q_f is "none")
//                  backward dx = Q_b(dy), zero where Q_f saturated (or dx = dy)
//
// Q_f's gradient is the straight-through estimator (Bengio et al. 2013): rounding counts as the
// identity, so the gradient passes unchanged, except where a per-tensor format clipped x at its
// max, where the output no longer moves with x (PyTorch's fake_quantize does the same). Q_b
// quantizes the gradient flowing back through the node (FP8's E5M2 gradients). Block formats
// (MX, NVFP4) pick their scale from the block's amax, so they never clip a value beyond their
// range and pass every gradient, as microxcaling's straight-through estimator does.
//
//   L-Mul matmul   forward  C = L-Mul(A, B)                 (Luo & Sun 2024, eq. 3)
//                  backward dA = dC Bᵀ, dB = Aᵀ dC in float32 (straight-through: the exact
//                           product's gradient, as the approximation has no useful one)
#include "lowp_blocks.h"

#include <ATen/ExpandUtils.h>
#include <torch/csrc/autograd/custom_function.h>

#include <cstring>
#include <stdexcept>

// The kernels this file composes (defined in the other lowp_*.cpp files).
extern "C" {
int32_t al_lowp_quantize(AlTensor x, AlFormat format, int32_t rounding, uint64_t seed, float scale,
                         AlTensor* values, AlTensor* codes, float* amax);
int32_t al_lowp_amax(AlTensor x, float* amax);
int32_t al_lowp_mx_quantize(AlTensor x, AlFormat element, int64_t block, int64_t dim, int32_t rounding,
                            uint64_t seed, AlTensor* values, AlTensor* scales, AlTensor* codes);
int32_t al_lowp_nvfp4_quantize(AlTensor x, int64_t block, int64_t dim, int32_t rounding, uint64_t seed,
                               AlTensor* values, AlTensor* block_scales, float* tensor_scale, AlTensor* codes);
int32_t al_lowp_lmul_matmul(AlTensor a, AlTensor b, int32_t mantissa_bits, AlTensor* out);
const char* al_last_error();
void al_tensor_free(AlTensor t);
}

// One quantizer as the managed side describes it (QuantSpec in src/Torch/LowPrecision).
struct AlQuantSpec {
  int32_t kind;          // 0 none, 1 per-tensor element format, 2 OCP MX blocks, 3 NVFP4 blocks
  AlFormat format;       // the element format of kinds 1 and 2
  int32_t rounding;
  int32_t block;         // block size of kinds 2 and 3
  int32_t dim;           // the blocked dimension (the matmul's reduction dimension)
  int32_t scaling;       // kind 1: 0 = `scale` as given (delayed scaling), 1 = current scaling
  float scale;           // kind 1 with scaling 0
  int32_t margin;        // current scaling: (max / amax) / 2^margin
  int32_t power_of_two;  // current scaling: round the scale down to a power of two
  uint64_t seed;         // stochastic rounding
};

using namespace al::lowp;
using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

namespace {

enum SpecKind : int32_t { kNone = 0, kElement = 1, kMx = 2, kNvfp4 = 3 };

void check(int32_t status) {
  if (status != 0) throw std::runtime_error(al_last_error());
}

// The tensor behind a handle a kernel returned, the handle freed.
at::Tensor take(AlTensor handle) {
  at::Tensor t = std::move(*handle);
  al_tensor_free(handle);
  return t;
}

AlTensor handle_of(const at::Tensor& t) { return const_cast<at::Tensor*>(&t); }

// Transformer Engine's scale (max / amax) / 2^margin, as TensorScaling.ScaleFor computes it.
float current_scale(float amax, float max, int32_t margin, bool power_of_two) {
  if (!(amax > 0.0f) || !std::isfinite(amax)) return 1.0f;
  float scale = max / amax * std::ldexp(1.0f, -margin);
  if (!std::isfinite(scale)) scale = std::numeric_limits<float>::max();
  return power_of_two ? std::ldexp(1.0f, std::ilogb(scale)) : scale;
}

// *slot = max(*slot, value) for non-negative floats, safe against concurrent shards: the
// bit patterns of non-negative floats order as the floats do.
void atomic_max(const at::Tensor& slot, float value) {
  if (!slot.defined() || !(value >= 0.0f)) return;
  auto* bits = reinterpret_cast<uint32_t*>(slot.data_ptr<float>());
  uint32_t seen = __atomic_load_n(bits, __ATOMIC_RELAXED);
  const uint32_t want = bits_of(value);
  while (want > seen && !__atomic_compare_exchange_n(bits, &seen, want, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
  }
}

struct Quantized {
  at::Tensor values;
  float scale = 1.0f;  // the per-tensor scale used (kind 1)
};

// x under the spec; records max |x| into `amax_slot` (kind 1) when it is defined.
Quantized quantize_by(const at::Tensor& x, const AlQuantSpec& s, const at::Tensor& amax_slot) {
  const at::Tensor in = contiguous_float(x, "fake quantize");
  Quantized q;
  AlTensor values = nullptr, scales = nullptr;
  switch (s.kind) {
    case kElement: {
      float amax = 0.0f;
      if (s.scaling == 1) {
        check(al_lowp_amax(handle_of(in), &amax));
        q.scale = current_scale(amax, Grid(s.format, s.rounding).max, s.margin, s.power_of_two != 0);
        check(al_lowp_quantize(handle_of(in), s.format, s.rounding, s.seed, q.scale, &values, nullptr, nullptr));
      } else {
        q.scale = s.scale;
        check(al_lowp_quantize(handle_of(in), s.format, s.rounding, s.seed, q.scale, &values, nullptr, &amax));
      }
      atomic_max(amax_slot, amax);
      break;
    }
    case kMx:
      check(al_lowp_mx_quantize(handle_of(in), s.format, s.block, s.dim, s.rounding, s.seed, &values, &scales, nullptr));
      take(scales);
      break;
    case kNvfp4: {
      float tensor_scale = 0.0f;
      check(al_lowp_nvfp4_quantize(handle_of(in), s.block, s.dim, s.rounding, s.seed, &values, &scales, &tensor_scale, nullptr));
      take(scales);
      break;
    }
    default:
      TORCH_CHECK(false, "unknown quantizer kind ", s.kind);
  }
  q.values = take(values);
  return q;
}

// Where a per-tensor format clipped: |x · scale| past max by more than rounding moves a value
// (half the top binade's step under round-to-nearest: E4M3 rounds 464 to 448 and clips above).
// One native pass writing a bool per element.
at::Tensor saturated(const at::Tensor& x, const AlQuantSpec& s, float scale) {
  const Grid g(s.format, s.rounding);
  const bool nearest = s.rounding == kNearestEven || s.rounding == kNearestAway;
  const float top_step = g.kind == kInteger ? std::ldexp(1.0f, -g.m) : std::ldexp(1.0f, g.emax - g.m);
  const float limit = g.max + (nearest ? top_step / 2 : 0.0f);
  const at::Tensor in = contiguous_float(x, "fake quantize");
  at::Tensor mask = at::empty(in.sizes(), in.options().dtype(at::kBool));
  const float* src = in.data_ptr<float>();
  bool* dst = mask.data_ptr<bool>();
  at::parallel_for(0, in.numel(), kGrain, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) dst[i] = std::fabs(src[i]) * scale > limit;
  });
  return mask;
}

std::vector<int64_t> pack(const AlQuantSpec& s) {
  std::vector<int64_t> words((sizeof(AlQuantSpec) + 7) / 8, 0);
  std::memcpy(words.data(), &s, sizeof(AlQuantSpec));
  return words;
}

AlQuantSpec unpack(const std::vector<int64_t>& words) {
  AlQuantSpec s;
  std::memcpy(&s, words.data(), sizeof(AlQuantSpec));
  return s;
}

struct FakeQuantize : public torch::autograd::Function<FakeQuantize> {
  // The amax slots come as pointers (null: none), since autograd wants every tensor argument defined.
  static at::Tensor forward(AutogradContext* ctx, const at::Tensor& x, AlQuantSpec fwd, AlQuantSpec bwd,
                            const at::Tensor* forward_amax, const at::Tensor* backward_amax) {
    ctx->saved_data["bwd"] = pack(bwd);
    ctx->saved_data["has_backward_amax"] = backward_amax != nullptr;
    if (backward_amax != nullptr) ctx->saved_data["backward_amax"] = *backward_amax;
    if (fwd.kind == kNone) {
      return x;  // returned as is, autograd makes it a view of x with this node's gradient
    }
    Quantized q = quantize_by(x, fwd, forward_amax != nullptr ? *forward_amax : at::Tensor());
    // Current scaling maps amax to max (or below, with a margin): nothing clips, no mask to keep.
    if (fwd.kind == kElement && fwd.scaling == 0) ctx->saved_data["mask"] = saturated(x, fwd, q.scale);
    return q.values;
  }

  static variable_list backward(AutogradContext* ctx, variable_list grads) {
    const AlQuantSpec bwd = unpack(ctx->saved_data["bwd"].toIntVector());
    at::Tensor g = grads[0];
    if (bwd.kind != kNone && g.defined()) {
      const at::Tensor slot = ctx->saved_data["has_backward_amax"].toBool() ? ctx->saved_data["backward_amax"].toTensor() : at::Tensor();
      g = quantize_by(g, bwd, slot).values;
    }
    const auto mask = ctx->saved_data.find("mask");
    if (mask != ctx->saved_data.end() && g.defined()) g = g.masked_fill(mask->second.toTensor(), 0.0);
    return {g, at::Tensor(), at::Tensor(), at::Tensor(), at::Tensor()};
  }
};

struct LMulMatMul : public torch::autograd::Function<LMulMatMul> {
  static at::Tensor forward(AutogradContext* ctx, const at::Tensor& a, const at::Tensor& b, int64_t mantissa_bits) {
    ctx->save_for_backward({a, b});
    AlTensor out = nullptr;
    check(al_lowp_lmul_matmul(handle_of(a), handle_of(b), static_cast<int32_t>(mantissa_bits), &out));
    return take(out);
  }

  static variable_list backward(AutogradContext* ctx, variable_list grads) {
    const auto saved = ctx->get_saved_variables();
    const at::Tensor &a = saved[0], &b = saved[1], &g = grads[0];
    // Broadcast batch dimensions are summed back to each operand's shape.
    at::Tensor ga = at::sum_to(at::matmul(g, b.transpose(-2, -1)), a.sizes());
    at::Tensor gb = at::sum_to(at::matmul(a.transpose(-2, -1), g), b.sizes());
    return {ga, gb, at::Tensor()};
  }
};

}  // namespace

// y = Q_f(x) with the straight-through gradient, the gradient quantized by Q_b on its way back
// (see the top of this file). forward_amax and backward_amax (nullable, one-element float32)
// collect max |x| and max |dy| of per-tensor quantizers, for delayed scaling's history.
AL_EXPORT int32_t al_lowp_fake_quantize(AlTensor x, const AlQuantSpec* forward, const AlQuantSpec* backward,
                                        AlTensor forward_amax, AlTensor backward_amax, AlTensor* out) {
  return al::guard([&] {
    TORCH_CHECK(forward != nullptr && backward != nullptr, "fake quantize needs a forward and a backward spec");
    for (const AlTensor slot : {forward_amax, backward_amax}) {
      TORCH_CHECK(slot == nullptr || (slot->scalar_type() == at::kFloat && slot->numel() == 1 && slot->is_contiguous()),
                  "an amax slot is a one-element contiguous float32 tensor");
    }
    *out = al::wrap(FakeQuantize::apply(*x, *forward, *backward, static_cast<const at::Tensor*>(forward_amax),
                                        static_cast<const at::Tensor*>(backward_amax)));
  });
}

// L-Mul matmul (al_lowp_lmul_matmul) with the straight-through gradient of an exact matmul.
AL_EXPORT int32_t al_lowp_lmul_matmul_grad(AlTensor a, AlTensor b, int32_t mantissa_bits, AlTensor* out) {
  return al::guard([&] { *out = al::wrap(LMulMatMul::apply(*a, *b, static_cast<int64_t>(mantissa_bits))); });
}
