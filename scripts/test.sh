#!/usr/bin/env bash
# Sets everything up, then runs every test. The console log names each test as it passes,
# so the gradient checks, the leak test and the safetensors cross-reads show in the output.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
cd "$root"
set +e
dotnet test ArithLab.slnx -c Release --no-build -nologo \
  --logger "console;verbosity=normal" 2>&1 | tee "${TMPDIR:-/tmp}/arithlab-test.log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo "Passed:[[:space:]]+[0-9]+" "${TMPDIR:-/tmp}/arithlab-test.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo "Failed:[[:space:]]+[0-9]+" "${TMPDIR:-/tmp}/arithlab-test.log" | awk '{s+=$2} END {print s+0}')
echo "tests: $passed passed, $failed failed"
exit "$status"
