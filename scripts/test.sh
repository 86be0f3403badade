#!/usr/bin/env bash
# Sets everything up, then runs every test. The console log names each test as it passes,
# so the gradient checks, the leak test and the safetensors cross-reads show in the output.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
cd "$root"
set +e
dotnet test ArithLab.sln -c Release --no-build -nologo \
  --logger "console;verbosity=normal" 2>&1 | tee "${TMPDIR:-/tmp}/arithlab-test.log"
status=${PIPESTATUS[0]}
set -e
# Sum the per-project summaries ("Passed!  - Failed: 0, Passed: 358, Skipped: 0, ...").
count() { { grep -Eo "$1:[[:space:]]+[0-9]+" "${TMPDIR:-/tmp}/arithlab-test.log" || true; } | awk '{s+=$2} END {print s+0}'; }
echo "tests: $(count Passed) passed, $(count Failed) failed, $(count Skipped) skipped"
exit "$status"
