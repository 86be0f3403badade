// The C++ baseline for ArithLab's engine benchmarks: the same two measurements as
// benchmarks/ArithLab.Benchmarks (matmul-overhead, matmul-gflops), calling libtorch directly.
// Built and run by benchmarks/run-native-matmul.sh.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/version.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Per-op cost of an 8x8 matmul whose result is freed at once, on one thread.
void overhead() {
  const int threads = at::get_num_threads();
  at::set_num_threads(1);
  auto a = at::arange(64, at::kFloat).reshape({8, 8}) / 64;
  auto b = at::arange(64, at::kFloat).reshape({8, 8}) / 32;
  const int n = 1000000;
  for (int i = 0; i < n / 10; ++i) at::matmul(a, b);  // warm-up
  std::vector<double> per_op;
  for (int round = 0; round < 5; ++round) {
    auto start = Clock::now();
    for (int i = 0; i < n; ++i) at::matmul(a, b);
    per_op.push_back(seconds_since(start) * 1e6 / n);
    std::printf("8x8 matmul (C++): %.3f us/op\n", per_op.back());
  }
  std::sort(per_op.begin(), per_op.end());
  std::printf("best %.3f us/op, median %.3f us/op\n", per_op[0], per_op[2]);
  at::set_num_threads(threads);
}

// 1024^3 float32 matmul throughput with libtorch's default thread count.
void throughput() {
  const int64_t n = 1024;
  const int repeats = 30;
  at::manual_seed(0);
  auto a = at::rand({n, n}, at::kFloat);
  auto b = at::rand({n, n}, at::kFloat);
  std::printf("libtorch %d.%d.%d, %d threads\n", TORCH_VERSION_MAJOR, TORCH_VERSION_MINOR,
              TORCH_VERSION_PATCH, at::get_num_threads());
  for (int i = 0; i < 2; ++i) at::matmul(a, b);  // warm-up
  std::vector<double> seconds;
  for (int i = 0; i < repeats; ++i) {
    auto start = Clock::now();
    auto c = at::matmul(a, b);
    seconds.push_back(seconds_since(start));
  }
  std::sort(seconds.begin(), seconds.end());
  const double flops = 2.0 * n * n * n;  // n^3 multiply-adds
  std::printf("%ldx%ldx%ld float32 matmul (C++): best %.1f GFLOP/s, median %.1f GFLOP/s (%d repeats)\n",
              static_cast<long>(n), static_cast<long>(n), static_cast<long>(n), flops / seconds[0] / 1e9,
              flops / seconds[repeats / 2] / 1e9, repeats);
}

}  // namespace

int main(int argc, char** argv) {
  std::string which = argc > 1 ? argv[1] : "all";
  if (which == "matmul-overhead" || which == "all") overhead();
  if (which == "matmul-gflops" || which == "all") throughput();
  if (which != "matmul-overhead" && which != "matmul-gflops" && which != "all") {
    std::fprintf(stderr, "usage: matmul_bench [matmul-overhead|matmul-gflops|all]\n");
    return 2;
  }
  return 0;
}
