// In-place initialisation of parameters, and swapping a parameter's data in place.
//
// Parameters are leaves that require grad; writing into them is not something autograd
// should record, so each function runs without grad mode, as torch.nn.init does.
#include "common.h"

#include <cmath>

AL_EXPORT int32_t al_init_normal_(AlTensor t, double mean, double std) {
  return al::guard([&] {
    TORCH_CHECK(std >= 0, "normal_ expects std >= 0.0, but found std ", std);
    at::NoGradGuard no_grad;
    t->normal_(mean, std);
  });
}

AL_EXPORT int32_t al_init_uniform_(AlTensor t, double low, double high) {
  return al::guard([&] {
    TORCH_CHECK(low <= high, "uniform_ expects low <= high, got ", low, " and ", high);
    at::NoGradGuard no_grad;
    t->uniform_(low, high);
  });
}

// N(mean, std²) truncated to [a, b] by the inverse-CDF method: draw u uniformly between
// the normal CDF's values at a and b, map it back through the inverse CDF
// (mean + std·√2·erfinv(2u − 1)), and clamp away rounding at the ends.
AL_EXPORT int32_t al_init_trunc_normal_(AlTensor t, double mean, double std, double a, double b) {
  return al::guard([&] {
    TORCH_CHECK(std > 0, "trunc_normal_ expects std > 0, got ", std);
    TORCH_CHECK(a < b, "trunc_normal_ expects a < b, got ", a, " and ", b);
    auto cdf = [](double x) { return (1.0 + std::erf(x / std::sqrt(2.0))) / 2.0; };
    double low = cdf((a - mean) / std);
    double high = cdf((b - mean) / std);
    at::NoGradGuard no_grad;
    t->uniform_(2 * low - 1, 2 * high - 1);
    t->erfinv_();
    t->mul_(std * std::sqrt(2.0));
    t->add_(mean);
    t->clamp_(a, b);
  });
}

AL_EXPORT int32_t al_init_fill_(AlTensor t, double value) {
  return al::guard([&] {
    at::NoGradGuard no_grad;
    t->fill_(value);
  });
}

AL_EXPORT int32_t al_init_zero_(AlTensor t) {
  return al::guard([&] {
    at::NoGradGuard no_grad;
    t->zero_();
  });
}

// Makes `t` hold `data` (another dtype or device) while staying the same tensor object, as
// PyTorch's `param.data = ...` does in Module.to(): handles held elsewhere (an optimizer's)
// keep pointing at the parameter. The old gradient no longer fits and is dropped.
AL_EXPORT int32_t al_tensor_set_data(AlTensor t, AlTensor data) {
  return al::guard([&] {
    TORCH_CHECK(t != data, "set_data: a tensor cannot take its own data");
    t->mutable_grad().reset();
    t->set_data(*data);
  });
}
