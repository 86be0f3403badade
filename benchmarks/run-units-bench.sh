#!/usr/bin/env bash
# Steps/s of the NAU -> NMU network (Madsen & Johansen 2020; docs/units.md): `arithlab units train`
# against PyTorch eager (benchmarks/python/units_eager.py, Debian's python3-torch), one thread each,
# interleaved for [rounds] rounds (default 3) so both see the same machine load.
#   bash benchmarks/run-units-bench.sh [steps] [rounds]
# The lab's figure is end to end: the progress line's steps/s over the whole run, with its evaluation
# sets and threshold cut to one row so they cost nothing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
steps="${1:-20000}"
rounds="${2:-3}"
dotnet build -c Release "$root/src/Cli" -v q -nologo >/dev/null
arithlab="$root/src/Cli/bin/Release/net10.0/arithlab"
runs="$(mktemp -d)"
trap 'rm -rf "$runs"' EXIT
echo "load before: $(uptime)"
for round in $(seq "$rounds"); do
  rate=$("$arithlab" units train "$root/experiments/units/nmu-mul.yaml" --run-dir "$runs/r$round" \
    --set train.iterations="$steps" --set train.eval_every="$steps" --set task.valid_size=1 \
    --set task.test_size=1 --set success.threshold_samples=1 | grep -o '[0-9]* steps/s' | tail -1)
  echo "round $round: arithlab float64: $rate"
  for dtype in float64 float32; do
    echo "round $round: $(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 "$root/benchmarks/python/units_eager.py" --steps "$steps" --dtype "$dtype")"
  done
done
echo "load after: $(uptime)"
