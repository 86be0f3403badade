#!/usr/bin/env bash
# Training throughput, ArithLab (C#) against PyTorch eager (Debian's python3-torch), on the same
# batches (the C# side writes them, the Python side reads them), one after the other.
#   bash benchmarks/run-train-bench.sh [a|b|all] [threads] [timing options...]
# timing options (--warmup S --windows K --window-steps S) go to every engine alike; without them
# each uses its defaults for the config. threads (default: every core, nproc) is what every side may use:
# - ArithLab as its trainer does on a CPU: the batch split into one shard per thread, each with one
#   libtorch and one BLAS thread (src/Training/Loop/ShardedPass.cs), logits at the answer positions
#   alone; the same with logits at every position, as the peer computes them (--full-logits); and,
#   for reference, the whole batch with every op split over the threads (--split-ops);
# - PyTorch eager with torch.set_num_threads(threads) and OPENBLAS_NUM_THREADS=threads (Debian's
#   libtorch hands matmuls to OpenBLAS, whose own pool ignores torch.set_num_threads), with glibc's
#   default malloc and with ArithLab's malloc settings (HostMemory.RetainFreed); and, when threads
#   > 1, the same at one thread, PyTorch's fastest setting on the 2-core machine measured in
#   docs/performance.md; and PyTorch as installed (no thread settings, glibc's malloc);
# - TorchSharp 0.107 (libtorch 2.10 CPU with its own MKL and OpenMP) with torch.set_num_threads(threads)
#   and, when threads > 1, at one thread (benchmarks/ArithLab.TorchSharpPeer); then the 8×8 matmul
#   per-call cost and 1024³ sgemm throughput of ArithLab and TorchSharp. TORCHSHARP=0 leaves
#   TorchSharp out; its packages (~600 MB) restore into benchmarks/.torchsharp/ on the first run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
which="${1:-all}"
threads="${2:-$(nproc)}"
timing=("${@:3}")
dll="$root/benchmarks/ArithLab.TrainBenchmarks/bin/Release/net10.0/ArithLab.TrainBenchmarks.dll"
dotnet build -c Release "$root/benchmarks/ArithLab.TrainBenchmarks" -v q -nologo >/dev/null
torchsharp="${TORCHSHARP:-1}"
if [[ "$torchsharp" != 0 ]]; then
  source "$root/benchmarks/torchsharp/build-peer.sh"
fi
batches="$(mktemp -d)"
trap 'rm -rf "$batches"' EXIT
configs=(a b)
[[ "$which" != all ]] && configs=("$which")
retain=(env MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=2147483647)
peer() {  # peer <config> <threads> [malloc prefix...]
  local c="$1" t="$2"
  shift 2
  "$@" env OPENBLAS_NUM_THREADS="$t" OMP_NUM_THREADS="$t" \
    /usr/bin/python3 "$root/benchmarks/python/train_peer.py" "$c" "$batches/$c.bin" --threads "$t" "${timing[@]}"
}
echo "load before: $(uptime)"
for c in "${configs[@]}"; do
  dotnet "$dll" "$c" --threads "$threads" --dump "$batches/$c.bin" "${timing[@]}"
  dotnet "$dll" "$c" --threads "$threads" --full-logits "${timing[@]}"
  if (( threads > 1 )); then
    dotnet "$dll" "$c" --threads "$threads" --split-ops "${timing[@]}"
  fi
  peer "$c" "$threads"
  peer "$c" "$threads" "${retain[@]}"
  if (( threads > 1 )); then
    peer "$c" 1 "${retain[@]}"
  fi
  (unset OPENBLAS_NUM_THREADS OMP_NUM_THREADS
   /usr/bin/python3 "$root/benchmarks/python/train_peer.py" "$c" "$batches/$c.bin" --threads 0 "${timing[@]}")
  if [[ "$torchsharp" != 0 ]]; then
    OMP_NUM_THREADS="$threads" dotnet "$torchsharp_peer" train "$c" "$batches/$c.bin" --threads "$threads" "${timing[@]}"
    if (( threads > 1 )); then
      OMP_NUM_THREADS=1 dotnet "$torchsharp_peer" train "$c" "$batches/$c.bin" --threads 1 "${timing[@]}"
    fi
  fi
done
if [[ "$torchsharp" != 0 ]]; then
  dotnet build -c Release "$root/benchmarks/ArithLab.Benchmarks" -v q -nologo >/dev/null
  dotnet "$root/benchmarks/ArithLab.Benchmarks/bin/Release/net10.0/ArithLab.Benchmarks.dll" all
  OMP_NUM_THREADS=1 dotnet "$torchsharp_peer" matmul --threads 1
  OMP_NUM_THREADS="$threads" dotnet "$torchsharp_peer" matmul --threads "$threads"
fi
echo "load after: $(uptime)"
