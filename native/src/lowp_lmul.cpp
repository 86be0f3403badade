// L-Mul (Luo & Sun 2024, "Addition is All You Need for Energy-efficient Language Models"):
// a matmul whose every elementwise product is the linear-complexity multiplication
//   L-Mul(x, y) = (-1)^(sx+sy) (1 + x_m + y_m + 2^-l(m)) 2^(x_e + y_e),
//   l(m) = m for m <= 3, 3 for m = 4, 4 for m > 4 (Luo & Sun 2024, eq. 3),
// after both operands are rounded to m mantissa bits (nearest-even, float32's exponent range).
// This is the paper's formula: 1 + x_m + y_m + 2^-l may reach 2 or more without renormalising,
// unlike an integer add of bit patterns, where that carry would spill into the exponent.
// Each product is exact in float32 (it has at most m + 2 significant bits) unless it falls
// outside float32's normal range; products are summed in float32 in order of k. Zeros give
// zero products and Inf/NaN follow IEEE multiplication. No BLAS: a blocked, vectorised loop.
#include "lowp_grid.h"

using namespace al::lowp;

namespace {

int32_t lmul_offset_exponent(int32_t m) { return m <= 3 ? m : (m == 4 ? 3 : 4); }

// An operand split as x = p * (1 + f): p = ±2^x_e (or ±0, ±Inf, NaN), f = x_m in [0, 1).
// `extra` is added to f, so that one side can carry the 1 + 2^-l(m) of the formula.
void split(const float* x, int64_t n, const Grid& g, float extra, float* p, float* f) {
  at::parallel_for(0, n, kGrain, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) {
      const float q = quantize<kNearestEven>(x[i], g, 0);
      const uint32_t bits = bits_of(q);
      const uint32_t sign = bits & 0x80000000u, abs_bits = bits ^ sign;
      if (abs_bits == 0 || abs_bits >= 0x7F800000u) {  // ±0, ±Inf, NaN: the product follows p
        p[i] = q;
        f[i] = extra;
        continue;
      }
      const int32_t ex = std::ilogb(q);  // exact for float32 subnormals too
      const float power = pow2(ex);
      p[i] = float_of(bits_of(power) | sign);
      f[i] = std::fabs(q) / power - 1.0f + extra;  // exact: q has m mantissa bits
    }
  });
}

// C (M, N) += sum over k of (ap[i,k] * bp[k,j]) * (af[i,k] + bf[k,j]), i in [i0, i1), for one
// batch. Tiles of kRows rows and kCols columns keep the accumulators and B's tile in L1.
constexpr int64_t kRows = 4, kCols = 64;

void lmul_rows(const float* ap, const float* af, const float* bp, const float* bf, float* c,
               int64_t i0, int64_t i1, int64_t K, int64_t N) {
  float acc[kRows][kCols];
  for (int64_t i = i0; i < i1; i += kRows) {
    const int64_t rows = std::min(kRows, i1 - i);
    for (int64_t j0 = 0; j0 < N; j0 += kCols) {
      const int64_t cols = std::min(kCols, N - j0);
      for (auto& row : acc) std::fill(row, row + kCols, 0.0f);
      for (int64_t k = 0; k < K; ++k) {
        const float* bpk = bp + k * N + j0;
        const float* bfk = bf + k * N + j0;
        for (int64_t r = 0; r < rows; ++r) {
          const float a_p = ap[(i + r) * K + k], a_f = af[(i + r) * K + k];
          float* out = acc[r];
          if (cols == kCols) {
            for (int64_t j = 0; j < kCols; ++j) out[j] += (a_p * bpk[j]) * (a_f + bfk[j]);
          } else {
            for (int64_t j = 0; j < cols; ++j) out[j] += (a_p * bpk[j]) * (a_f + bfk[j]);
          }
        }
      }
      for (int64_t r = 0; r < rows; ++r) std::copy(acc[r], acc[r] + cols, c + (i + r) * N + j0);
    }
  }
}

}  // namespace

// a (..., M, K) L-Mul b (..., K, N) -> (..., M, N), float32, batch dimensions broadcast.
AL_EXPORT int32_t al_lowp_lmul_matmul(AlTensor a, AlTensor b, int32_t mantissa_bits, AlTensor* out) {
  return al::guard([&] {
    TORCH_CHECK(mantissa_bits >= 1 && mantissa_bits <= 23, "L-Mul mantissa bits must be in 1..23, got ", mantissa_bits);
    const at::Tensor A0 = contiguous_float(*a, "L-Mul matmul");
    const at::Tensor B0 = contiguous_float(*b, "L-Mul matmul");
    TORCH_CHECK(A0.dim() >= 2 && B0.dim() >= 2, "L-Mul matmul needs operands of at least 2 dimensions, got ",
                A0.sizes(), " and ", B0.sizes());
    const int64_t M = A0.size(-2), K = A0.size(-1), N = B0.size(-1);
    TORCH_CHECK(B0.size(-2) == K, "L-Mul matmul: shapes ", A0.sizes(), " and ", B0.sizes(), " cannot be multiplied");
    const auto batch = at::infer_size(A0.sizes().slice(0, A0.dim() - 2), B0.sizes().slice(0, B0.dim() - 2));
    auto a_shape = batch, b_shape = batch, c_shape = batch;
    a_shape.insert(a_shape.end(), {M, K});
    b_shape.insert(b_shape.end(), {K, N});
    c_shape.insert(c_shape.end(), {M, N});
    const at::Tensor A = A0.expand(a_shape).contiguous(), B = B0.expand(b_shape).contiguous();
    const int64_t batches = A.numel() / std::max<int64_t>(1, M * K);

    const int32_t m = mantissa_bits;
    const Grid g({8, m, kIeee, kInfOrNan}, kNearestEven);
    const float offset = 1.0f + pow2(-lmul_offset_exponent(m));
    at::Tensor AP = at::empty_like(A), AF = at::empty_like(A), BP = at::empty_like(B), BF = at::empty_like(B);
    split(A.data_ptr<float>(), A.numel(), g, offset, AP.data_ptr<float>(), AF.data_ptr<float>());
    split(B.data_ptr<float>(), B.numel(), g, 0.0f, BP.data_ptr<float>(), BF.data_ptr<float>());

    at::Tensor C = at::zeros(c_shape, A.options());
    const float *ap = AP.data_ptr<float>(), *af = AF.data_ptr<float>();
    const float *bp = BP.data_ptr<float>(), *bf = BF.data_ptr<float>();
    float* c = C.data_ptr<float>();
    const int64_t row_tiles = (M + kRows - 1) / kRows;
    if (batches > 0 && M > 0 && N > 0) {
      at::parallel_for(0, batches * row_tiles, 1, [&](int64_t begin, int64_t end) {
        for (int64_t t = begin; t < end; ++t) {
          const int64_t n = t / row_tiles, i0 = (t % row_tiles) * kRows;
          lmul_rows(ap + n * M * K, af + n * M * K, bp + n * K * N, bf + n * K * N, c + n * M * N,
                    i0, std::min(M, i0 + kRows), K, N);
        }
      });
    }
    *out = al::wrap(std::move(C));
  });
}
