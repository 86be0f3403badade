#!/usr/bin/env python3
"""Tabulates experiments/precision/formats.sh runs as docs/precision.md shows them.

   python3 experiments/precision/collect.py [runs folder] [step]

For each format: held-out exact match and held-out loss at `step` (the trainer's held-out
evaluation, under the run's own format), the training loss averaged over the 50 steps before it,
each against float32, and the length grid of `arithlab eval` (<run>/eval/grid.csv) as exact
match in and beyond the training lengths and per operand length a = b.
"""
import csv
import json
import os
import re
import sys

folder = sys.argv[1] if len(sys.argv) > 1 else "runs/precision/quickstart"
step = int(sys.argv[2]) if len(sys.argv) > 2 else 500
formats = ["float32", "bf16", "fp8-current", "fp8-delayed", "mxfp8", "mxfp6", "mxfp4", "nvfp4", "lmul-attention", "lmul-all"]


def at_step(name):
    path = os.path.join(folder, name, "metrics.jsonl")
    if not os.path.exists(path):
        return None, None
    rows = [json.loads(line) for line in open(path) if line.strip()]
    exact = [r for r in rows if r["step"] == step]
    return (exact[0] if exact else None), (rows[-1] if rows else None)


def trained_up_to(name):
    """The longest training operand, read from the run's resolved config (data.digits.a.max)."""
    text = open(os.path.join(folder, name, "config.resolved.yaml")).read()
    found = re.search(r"^  digits:\n    a:\n      min: \d+\n      max: (\d+)", text, re.M)
    return int(found.group(1)) if found else 3


def grid(name):
    path = os.path.join(folder, name, "eval", "grid.csv")
    if not os.path.exists(path):
        return None
    cells = [(int(r["a_len"]), int(r["b_len"]), int(r["n"]), int(r["correct"])) for r in csv.DictReader(open(path))]
    def share(keep):
        n = sum(c[2] for c in cells if keep(c))
        return sum(c[3] for c in cells if keep(c)) / n if n else float("nan")
    t = trained_up_to(name)
    inside = share(lambda c: c[0] <= t and c[1] <= t)
    beyond = share(lambda c: c[0] > t or c[1] > t)
    longest = max(max(c[0], c[1]) for c in cells)
    diagonal = [share(lambda c, k=k: c[0] == k and c[1] == k) for k in range(1, longest + 1)]
    return inside, beyond, diagonal, t, longest


reference, _ = at_step("float32")
first = next((g for g in (grid(n) for n in formats) if g), None)
t, longest = (first[3], first[4]) if first else (3, 6)
print(f"| format | held-out exact match, step {step} | vs float32 | held-out loss | training loss (mean of 50 steps) | vs float32 | grid 1–{t} | grid beyond {t} | a = b = 1 … {longest} (%) |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for name in formats:
    row, last = at_step(name)
    g = grid(name)
    gtext = "not run" if g is None else f"{100 * g[0]:.1f}% | {100 * g[1]:.1f}% | " + " / ".join(f"{100 * d:.0f}" for d in g[2])
    if row is None:
        reached = f"stopped at step {last['step']}, loss {last['loss_avg']:.3f}" if last else "no metrics"
        print(f"| {name} | — ({reached}) | | | | | {gtext if g else '— | — | —'} |")
        continue
    em, loss, train = row.get("held_out_exact_match"), row.get("held_out_loss"), row["loss_avg"]
    dem = "" if reference is None else f"{100 * (em - reference['held_out_exact_match']):+.1f} pt"
    dloss = "" if reference is None else f"{train / reference['loss_avg']:.2f}×"
    print(f"| {name} | {100 * em:.1f}% | {dem} | {loss:.3f} | {train:.3f} | {dloss} | {gtext} |")
