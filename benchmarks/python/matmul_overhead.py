"""Python's per-op cost of an 8x8 float32 torch.matmul, for comparison with the C# binding.

Run with the interpreter that has PyTorch:  /usr/bin/python3 benchmarks/python/matmul_overhead.py
"""
import timeit

import torch

torch.set_num_threads(1)
a = torch.arange(64, dtype=torch.float32).reshape(8, 8) / 64
b = torch.arange(64, dtype=torch.float32).reshape(8, 8) / 32
n = 1_000_000
timeit.timeit(lambda: torch.matmul(a, b), number=n // 10)  # warm-up
rounds = sorted(t / n * 1e6 for t in timeit.repeat(lambda: torch.matmul(a, b), number=n, repeat=5))
for t in rounds:
    print(f"8x8 torch.matmul (Python {torch.__version__}): {t:.3f} us/op")
print(f"best {rounds[0]:.3f} us/op, median {rounds[2]:.3f} us/op")
