#!/usr/bin/env bash
# Checkpoint round trip between ArithLab and TorchSharp 0.107, through safetensors files under the
# same state-dict names (blocks.0.attn.qkv.weight, ...): ArithLab trains config (a) for 20 steps and
# saves it; TorchSharp loads it into its module of the same shape, checks that the logits agree,
# trains 20 steps and saves; ArithLab loads that and checks its logits against TorchSharp's.
#   bash benchmarks/run-torchsharp-interop.sh
# TorchSharp is a benchmark peer, not a dependency of the lab: its packages (~600 MB) restore into
# benchmarks/.torchsharp/ (ignored by git) on the first run, and its native library is patched in
# the peer's own build output only (benchmarks/torchsharp/patch-glibcxx.py says why).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/torchsharp/build-peer.sh"
dotnet build -c Release "$root/benchmarks/ArithLab.TrainBenchmarks" -v q -nologo >/dev/null
bench="$root/benchmarks/ArithLab.TrainBenchmarks/bin/Release/net10.0/ArithLab.TrainBenchmarks.dll"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
dotnet "$bench" --interop-export "$dir"
OMP_NUM_THREADS=1 dotnet "$torchsharp_peer" interop "$dir"
dotnet "$bench" --interop-import "$dir"
