#!/usr/bin/env bash
# Sets everything up, trains the quickstart experiment (reversed 3-digit addition, CPU, a few
# minutes), evaluates it on the length grid and writes its plots and HTML report:
#   runs/quickstart/report.html, runs/quickstart/eval/heatmap.png, runs/quickstart/plots/*.png (and .svg)
# Running it again resumes the same run (a finished run is only re-evaluated).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
cd "$root"
arithlab=(dotnet "$root/src/Cli/bin/Release/net10.0/arithlab.dll")
run=runs/quickstart
if [[ -d "$run/checkpoints" ]]; then
  "${arithlab[@]}" train experiments/quickstart.yaml --resume "$run"
else
  "${arithlab[@]}" train experiments/quickstart.yaml --run-dir "$run"
fi
"${arithlab[@]}" eval "$run"
"${arithlab[@]}" plot "$run"
echo "quickstart: open $root/$run/report.html"
