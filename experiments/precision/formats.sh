#!/usr/bin/env bash
# Trains one setup under every number format of docs/precision.md, one thread per run, all at
# once in the background (or JOBS at a time), then evaluates each on the setup's length grid under
# its own format:
#   [JOBS=2] bash experiments/precision/formats.sh [setup.yaml] [runs folder]
# Defaults: the quickstart (experiments/quickstart.yaml) into runs/precision/quickstart/<format>.
# The length-generalization setup of docs/precision.md is
#   bash experiments/precision/formats.sh experiments/cho2024-position-coupling.yaml runs/precision/coupling
# Each run's held-out exact match is in <run>/eval/held_out.json, its grid in <run>/eval/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
setup="${1:-experiments/quickstart.yaml}"
out="${2:-runs/precision/quickstart}"
arithlab=(dotnet "${ARITHLAB_DLL:-$root/src/Cli/bin/Release/net10.0/arithlab.dll}")
mkdir -p "$out"

# name, then the --set overrides that select the format
formats=(
  "float32|"
  "bf16|precision.dtype=bfloat16 precision.autocast=true"
  "fp8-current|precision.format=fp8-current"
  "fp8-delayed|precision.format=fp8-delayed"
  "mxfp8|precision.format=mxfp8"
  "mxfp6|precision.format=mxfp6"
  "mxfp4|precision.format=mxfp4"
  "nvfp4|precision.format=nvfp4"
  "lmul-attention|precision.format=lmul"
  "lmul-all|precision.format=lmul precision.lmul_matmuls=all"
)

echo "precision formats: $setup into $out, load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S)"
jobs_at_once="${JOBS:-${#formats[@]}}"
pids=()
failed=0
for entry in "${formats[@]}"; do
  # Keep at most JOBS runs going: on a small machine, ten runs at once only share its cores.
  while (( $(jobs -rp | wc -l) >= jobs_at_once )); do wait -n || failed=1; done
  name="${entry%%|*}"
  sets=(--set runtime.threads=1 --set runtime.progress=false --set runtime.device=cpu)
  for s in ${entry#*|}; do sets+=(--set "$s"); done
  if [[ -d "$out/$name/checkpoints" ]]; then
    "${arithlab[@]}" train "$setup" --resume "$out/$name" > "$out/$name.log" 2>&1 &
  else
    "${arithlab[@]}" train "$setup" --run-dir "$out/$name" "${sets[@]}" > "$out/$name.log" 2>&1 &
  fi
  pids+=($!)
done
# A run already collected by `wait -n` above answers 127 here.
for pid in "${pids[@]}"; do
  rc=0; wait "$pid" 2>/dev/null || rc=$?
  if (( rc != 0 && rc != 127 )); then failed=1; fi
done
echo "trained, load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S)"
for entry in "${formats[@]}"; do
  name="${entry%%|*}"
  "${arithlab[@]}" eval "$out/$name" > "$out/$name.eval.log" 2>&1 || failed=1
done
echo "evaluated, load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S)"
exit $failed
