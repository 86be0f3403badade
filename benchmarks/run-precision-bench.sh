#!/usr/bin/env bash
# A training step of benchmark config (a) under a low-precision recipe against float32, the two
# interleaved window by window in one process (benchmarks/ArithLab.TrainBenchmarks/PrecisionBench.cs),
# then the quantizer throughput over 16 M-element (64 MB) and 256 K-element tensors:
#   bash benchmarks/run-precision-bench.sh [recipe] [threads]      (defaults: fp8-current, 1)
# The goal (docs/performance.md): fp8-current at ≤ 1.3× the float32 step time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
recipe="${1:-fp8-current}"
threads="${2:-1}"
dotnet build -c Release "$root/benchmarks/ArithLab.TrainBenchmarks" -v q -nologo >/dev/null
dotnet build -c Release "$root/benchmarks/ArithLab.Benchmarks" -v q -nologo >/dev/null
echo "load before: $(uptime)"
dotnet "$root/benchmarks/ArithLab.TrainBenchmarks/bin/Release/net10.0/ArithLab.TrainBenchmarks.dll" a --precision "$recipe" --threads "$threads" \
  --warmup 5 --windows 7 --window-steps 10
echo "load between: $(uptime)"
dotnet "$root/benchmarks/ArithLab.Benchmarks/bin/Release/net10.0/ArithLab.Benchmarks.dll" quantize
echo "load after: $(uptime)"
