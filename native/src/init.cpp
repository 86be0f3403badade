// In-place initialisation of parameters, and swapping a parameter's data in place.
//
// Parameters are leaves that require grad; writing into them is not something autograd
// should record, so each function runs without grad mode, as torch.nn.init does.
#include "common.h"

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
