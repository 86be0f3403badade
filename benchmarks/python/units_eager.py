"""PyTorch eager peer of `arithlab units train`: the NAU -> NMU network of Madsen & Johansen (2020),
100 inputs, batch 128, Adam lr 1e-3, MSE + lambda * sparsity regulariser, weights clamped after each
step, fresh U[1, 2] inputs every step -- the step stable-nalu runs, written plainly in eager PyTorch.

    python3 benchmarks/python/units_eager.py --steps 20000 [--dtype float32|float64]

Prints one line: steps/s over the timed steps (after 500 warm-up steps), one thread.
"""
import argparse
import time

import torch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=20000)
    parser.add_argument("--dtype", default="float64", choices=["float32", "float64"])
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    dtype = getattr(torch, args.dtype)

    n, batch = 100, 128
    a0, a1, b0, b1 = 10, 35, 23, 48  # 25-wide subsets overlapping by 12
    r = min(0.5, (3 ** 0.5) * (2.0 / (n + 2)) ** 0.5)
    w1 = torch.nn.Parameter(torch.empty(2, n, dtype=dtype).uniform_(-r, r))      # NAU
    w2 = torch.nn.Parameter(torch.empty(1, 2, dtype=dtype).uniform_(0.25, 0.75))  # NMU
    optimizer = torch.optim.Adam([w1, w2], lr=1e-3)

    def step(i):
        x = torch.rand(batch, n, dtype=dtype) + 1.0
        t = (x[:, a0:a1].sum(1) * x[:, b0:b1].sum(1)).unsqueeze(1)
        h = x @ w1.clamp(-1, 1).t()
        w = w2.clamp(0, 1)
        y = (w.unsqueeze(0) * h.unsqueeze(1) - w.unsqueeze(0) + 1).prod(-1)
        reg = torch.min(w1.abs(), (1 - w1.abs()).abs()).mean() + torch.min(w2.abs(), (1 - w2).abs()).mean()
        loss = torch.nn.functional.mse_loss(y, t) + 10.0 * max(0.0, min(1.0, (i - 1e6) / 1e6)) * reg
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            w1.clamp_(-1, 1)
            w2.clamp_(0, 1)

    for i in range(500):
        step(i)
    start = time.perf_counter()
    for i in range(args.steps):
        step(i)
    elapsed = time.perf_counter() - start
    print(f"pytorch-eager {args.dtype}: {args.steps / elapsed:.0f} steps/s")


if __name__ == "__main__":
    main()
