#!/usr/bin/env bash
# Sets everything up, then trains the quickstart experiment (reversed 3-digit addition) into
# runs/quickstart-<hash>-s0/. Run from the repository root; a second run of the same
# experiment refuses to overwrite the first (remove the folder, or resume it with --resume).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
cd "$root"
dotnet "$root/src/Cli/bin/Release/net10.0/arithlab.dll" train experiments/quickstart.yaml
