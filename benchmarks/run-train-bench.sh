#!/usr/bin/env bash
# Training throughput, ArithLab (C#) against PyTorch eager (Debian's python3-torch), run the
# same way: same batches (the C# side writes them, the Python side reads them), same thread
# settings, one after the other.
#   bash benchmarks/run-train-bench.sh [a|b|all] [threads]
# Each configuration runs three times: ArithLab (which keeps freed tensor memory in the heap,
# HostMemory.RetainFreed), PyTorch with glibc's default malloc settings, and PyTorch with the
# same malloc settings as ArithLab (through glibc's MALLOC_*_ environment variables).
# threads (default 1) sets libtorch's intra-op threads on both sides, and OPENBLAS_NUM_THREADS
# and OMP_NUM_THREADS for both processes, since Debian's libtorch hands matmuls to OpenBLAS,
# whose own thread pool ignores torch.set_num_threads.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
which="${1:-all}"
threads="${2:-1}"
export OPENBLAS_NUM_THREADS="$threads" OMP_NUM_THREADS="$threads"
dll="$root/benchmarks/ArithLab.TrainBenchmarks/bin/Release/net10.0/ArithLab.TrainBenchmarks.dll"
dotnet build -c Release "$root/benchmarks/ArithLab.TrainBenchmarks" -v q -nologo >/dev/null
batches="$(mktemp -d)"
trap 'rm -rf "$batches"' EXIT
configs=(a b)
[[ "$which" != all ]] && configs=("$which")
echo "load before: $(uptime)"
for c in "${configs[@]}"; do
  dotnet "$dll" "$c" --threads "$threads" --dump "$batches/$c.bin"
  /usr/bin/python3 "$root/benchmarks/python/train_peer.py" "$c" "$batches/$c.bin" --threads "$threads"
  MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=2147483647 \
    /usr/bin/python3 "$root/benchmarks/python/train_peer.py" "$c" "$batches/$c.bin" --threads "$threads"
done
echo "load after: $(uptime)"
