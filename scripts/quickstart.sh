#!/usr/bin/env bash
# Sets everything up, then runs the quickstart.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
dotnet "$root/src/Cli/bin/Release/net10.0/arithlab.dll" demo
