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

// Register tiles of kRows rows by kCols columns (two 8-float vectors per row): per k, one load
// of B's tile serves every row, and the accumulators never leave registers.
constexpr int64_t kRows = 4, kCols = 16;
typedef float v8 __attribute__((vector_size(32)));

// One batch: C (M, N) = sum over k of (ap[i,k] * bp[k,j]) * (af[i,k] + bf[k,j]) for the rows
// of tile `tile`. ap/af are (Mpad, K), bp/bf (K, Npad) with Npad a multiple of kCols, padded
// with zeros; only the first N columns and M rows are written.
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
void lmul_tile(const float* ap, const float* af, const float* bp, const float* bf, float* c,
               int64_t tile, int64_t M, int64_t K, int64_t N, int64_t Npad) {
  const int64_t i0 = tile * kRows;
  for (int64_t j0 = 0; j0 < Npad; j0 += kCols) {
    v8 acc[kRows][2] = {};
    for (int64_t k = 0; k < K; ++k) {
      v8 p0, p1, f0, f1;  // unaligned loads of B's tile
      std::memcpy(&p0, bp + k * Npad + j0, sizeof(v8));
      std::memcpy(&p1, bp + k * Npad + j0 + 8, sizeof(v8));
      std::memcpy(&f0, bf + k * Npad + j0, sizeof(v8));
      std::memcpy(&f1, bf + k * Npad + j0 + 8, sizeof(v8));
      for (int64_t r = 0; r < kRows; ++r) {
        const float a_p = ap[(i0 + r) * K + k], a_f = af[(i0 + r) * K + k];
        acc[r][0] += (a_p * p0) * (a_f + f0);
        acc[r][1] += (a_p * p1) * (a_f + f1);
      }
    }
    for (int64_t r = 0; r < kRows && i0 + r < M; ++r) {
      float row[kCols];
      std::memcpy(row, acc[r], sizeof(row));
      std::copy(row, row + std::min(kCols, N - j0), c + (i0 + r) * N + j0);
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
    const int64_t batches = c10::multiply_integers(batch);

    const int32_t m = mantissa_bits;
    const Grid g({8, m, kIeee, kInfOrNan}, kNearestEven);
    const float offset = 1.0f + pow2(-lmul_offset_exponent(m));
    // Operands split once, padded with zeros to whole tiles: A to Mpad rows, B to Npad columns.
    const int64_t row_tiles = (M + kRows - 1) / kRows, Mpad = row_tiles * kRows;
    const int64_t Npad = (N + kCols - 1) / kCols * kCols;
    const auto f = A.options();
    at::Tensor AP = at::zeros({batches, Mpad, K}, f), AF = at::zeros({batches, Mpad, K}, f);
    at::Tensor BP = at::zeros({batches, K, Npad}, f), BF = at::zeros({batches, K, Npad}, f);
    const at::Tensor A3 = A.reshape({batches, M, K}), B3 = B.reshape({batches, K, N});
    for (int64_t n = 0; n < batches; ++n) {
      const float* a_src = A3[n].data_ptr<float>();
      split(a_src, M * K, g, offset, AP[n].data_ptr<float>(), AF[n].data_ptr<float>());
      if (N == Npad) {
        split(B3[n].data_ptr<float>(), K * N, g, 0.0f, BP[n].data_ptr<float>(), BF[n].data_ptr<float>());
      } else {
        at::Tensor p = at::empty({K, N}, f), q = at::empty({K, N}, f);
        split(B3[n].data_ptr<float>(), K * N, g, 0.0f, p.data_ptr<float>(), q.data_ptr<float>());
        BP[n].narrow(1, 0, N).copy_(p);
        BF[n].narrow(1, 0, N).copy_(q);
      }
    }

    at::Tensor C = at::zeros(c_shape, A.options());
    const float *ap = AP.data_ptr<float>(), *af = AF.data_ptr<float>();
    const float *bp = BP.data_ptr<float>(), *bf = BF.data_ptr<float>();
    float* c = C.data_ptr<float>();
    if (batches > 0 && M > 0 && N > 0) {
      at::parallel_for(0, batches * row_tiles, 1, [&](int64_t begin, int64_t end) {
        for (int64_t t = begin; t < end; ++t) {
          const int64_t n = t / row_tiles;
          lmul_tile(ap + n * Mpad * K, af + n * Mpad * K, bp + n * K * Npad, bf + n * K * Npad, c + n * M * N,
                    t % row_tiles, M, K, N, Npad);
        }
      });
    }
    *out = al::wrap(std::move(C));
  });
}
