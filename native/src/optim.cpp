// Optimizer steps and gradient clipping over arrays of parameter handles, done in place
// under NoGradGuard so that one call updates a whole parameter group.
//
// The update rules follow torch.optim's single-tensor implementations (PyTorch 1.13/2.x),
// so that a run here and the same run in PyTorch agree to rounding.
#include "common.h"

#include <cmath>

namespace {

void check_parameter(const at::Tensor& p, int64_t i) {
  TORCH_CHECK(p.defined(), "parameter ", i, " is undefined");
  TORCH_CHECK(p.is_floating_point(), "parameter ", i, " has dtype ", p.scalar_type(),
              "; optimizers update floating-point tensors only");
}

void check_state(const at::Tensor& p, const at::Tensor& s, const char* name, int64_t i) {
  TORCH_CHECK(s.defined(), name, " of parameter ", i, " is undefined");
  TORCH_CHECK(s.sizes() == p.sizes(), name, " of parameter ", i, " has shape ", s.sizes(),
              " but the parameter has shape ", p.sizes());
  TORCH_CHECK(s.scalar_type() == p.scalar_type() && s.device() == p.device(), name,
              " of parameter ", i, " must have the parameter's dtype and device");
}

}  // namespace

// One AdamW step (Loshchilov & Hutter 2019, decoupled weight decay) over `count` parameters.
// `steps` are one-element int64 tensors counting each parameter's updates. Parameters
// without a gradient are skipped, as in PyTorch, and keep their step count.
AL_EXPORT int32_t al_adamw_step(const AlTensor* params, const AlTensor* exp_avgs,
                                const AlTensor* exp_avg_sqs, const AlTensor* steps, int64_t count,
                                double lr, double beta1, double beta2, double eps,
                                double weight_decay) {
  return al::guard([&] {
    TORCH_CHECK(count >= 0, "parameter count must not be negative");
    TORCH_CHECK(lr >= 0, "learning rate must not be negative, got ", lr);
    TORCH_CHECK(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1,
                "betas must lie in [0, 1), got (", beta1, ", ", beta2, ")");
    TORCH_CHECK(eps >= 0, "eps must not be negative, got ", eps);
    at::NoGradGuard no_grad;
    // Validate everything first, so that bad state leaves no parameter half-updated.
    for (int64_t i = 0; i < count; ++i) {
      const at::Tensor& p = *params[i];
      check_parameter(p, i);
      if (!p.grad().defined()) continue;
      check_state(p, *exp_avgs[i], "exp_avg", i);
      check_state(p, *exp_avg_sqs[i], "exp_avg_sq", i);
      TORCH_CHECK(steps[i]->numel() == 1 && steps[i]->scalar_type() == at::kLong &&
                      steps[i]->device().is_cpu(),
                  "step of parameter ", i, " must be a one-element int64 CPU tensor");
    }
    for (int64_t i = 0; i < count; ++i) {
      at::Tensor p = *params[i];
      const at::Tensor& grad = p.grad();
      if (!grad.defined()) continue;
      at::Tensor exp_avg = *exp_avgs[i];
      at::Tensor exp_avg_sq = *exp_avg_sqs[i];
      at::Tensor step_t = *steps[i];
      step_t.add_(1);
      double step = static_cast<double>(step_t.item<int64_t>());

      // Decoupled weight decay: shrink the weights, not the gradient.
      p.mul_(1.0 - lr * weight_decay);
      exp_avg.mul_(beta1).add_(grad, 1.0 - beta1);
      exp_avg_sq.mul_(beta2).addcmul_(grad, grad, 1.0 - beta2);

      double bias_correction1 = 1.0 - std::pow(beta1, step);
      double bias_correction2 = 1.0 - std::pow(beta2, step);
      double step_size = lr / bias_correction1;
      auto denom = (exp_avg_sq.sqrt() / std::sqrt(bias_correction2)).add_(eps);
      p.addcdiv_(exp_avg, denom, -step_size);
    }
  });
}

// One SGD step over `count` parameters, as torch.optim.SGD: L2 weight decay added to the
// gradient, then momentum with dampening, optionally Nesterov. `momentum_buffers` is read
// and written: a null entry of a parameter that has a gradient is filled (when momentum
// is nonzero) with a new buffer the caller owns, the clone of the first update.
AL_EXPORT int32_t al_sgd_step(const AlTensor* params, AlTensor* momentum_buffers, int64_t count,
                              double lr, double momentum, double dampening, double weight_decay,
                              int32_t nesterov) {
  return al::guard([&] {
    TORCH_CHECK(count >= 0, "parameter count must not be negative");
    TORCH_CHECK(lr >= 0, "learning rate must not be negative, got ", lr);
    TORCH_CHECK(momentum >= 0, "momentum must not be negative, got ", momentum);
    TORCH_CHECK(!(nesterov != 0 && (momentum <= 0 || dampening != 0)),
                "Nesterov momentum requires a momentum and zero dampening");
    at::NoGradGuard no_grad;
    // Validate everything first, so that a bad buffer leaves no parameter half-updated.
    for (int64_t i = 0; i < count; ++i) {
      check_parameter(*params[i], i);
      if (momentum_buffers[i] != nullptr) {
        check_state(*params[i], *momentum_buffers[i], "momentum buffer", i);
      }
    }
    for (int64_t i = 0; i < count; ++i) {
      at::Tensor p = *params[i];
      const at::Tensor& grad = p.grad();
      if (!grad.defined()) continue;
      at::Tensor d_p = weight_decay != 0 ? grad.add(p, weight_decay) : grad;
      if (momentum != 0) {
        at::Tensor buf;
        if (momentum_buffers[i] == nullptr) {
          buf = d_p.clone().detach();
          momentum_buffers[i] = al::wrap(at::Tensor(buf));
        } else {
          buf = *momentum_buffers[i];
          buf.mul_(momentum).add_(d_p, 1.0 - dampening);
        }
        d_p = nesterov != 0 ? d_p.add(buf, momentum) : buf;
      }
      p.add_(d_p, -lr);
    }
  });
}

// Scales the gradients of `count` parameters so that their joint 2-norm is at most
// `max_norm`, as torch.nn.utils.clip_grad_norm_ (p = 2, scale max_norm / (norm + 1e-6)
// clamped at 1). Writes the norm before clipping; parameters without gradients are ignored.
AL_EXPORT int32_t al_clip_grad_norm(const AlTensor* params, int64_t count, double max_norm,
                                    double* total_norm) {
  return al::guard([&] {
    TORCH_CHECK(count >= 0, "parameter count must not be negative");
    TORCH_CHECK(max_norm >= 0, "max_norm must not be negative, got ", max_norm);
    at::NoGradGuard no_grad;
    std::vector<at::Tensor> grads;
    for (int64_t i = 0; i < count; ++i) {
      TORCH_CHECK(params[i]->defined(), "parameter ", i, " is undefined");
      const at::Tensor& g = params[i]->grad();
      if (g.defined()) grads.push_back(g);
    }
    if (grads.empty()) {
      *total_norm = 0.0;
      return;
    }
    std::vector<at::Tensor> norms;
    norms.reserve(grads.size());
    auto device = grads[0].device();
    for (const auto& g : grads) norms.push_back(g.norm(2).to(device));
    at::Tensor total = at::stack(norms).norm(2);
    at::Tensor coefficient = at::clamp_max(max_norm / (total + 1e-6), 1.0);
    for (auto& g : grads) g.mul_(coefficient.to(g.device()));
    *total_norm = total.item<double>();
  });
}
