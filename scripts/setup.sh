#!/usr/bin/env bash
# Sets up a fresh Debian machine for ArithLab: system packages, the native shim, the .NET build.
# Safe to run again: it installs only what is missing and rebuilds incrementally.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
configuration="${CONFIGURATION:-Release}"

# libtorch-dev: the C++ libtorch (CPU); libopenblas0-pthread: fast BLAS for CPU matmuls;
# python3-torch: PyTorch for the interop tests (files and models cross-checked in Python);
# fonts-dejavu-core: the font of every figure (ScottPlot's SkiaSharp build reads font files from
# /usr/share/fonts itself, needing neither fontconfig nor freetype, but a minimal Debian has none);
# jupyter-nbconvert, python3-nbclient, python3-ipykernel: run the notebooks headless (their tests);
# slurm-wlm, munge: the one-node Slurm cluster the sweep tests submit job arrays to (scripts/slurm-start.sh).
packages=(libtorch-dev libopenblas0-pthread python3-torch g++ cmake ninja-build fonts-dejavu-core jupyter-nbconvert python3-nbclient python3-ipykernel slurm-wlm munge)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ -n "${LIBTORCH:-}" ]]; then
  # A libtorch of one's own (say, CUDA): Debian's is not needed.
  missing=("${missing[@]/libtorch-dev}")
fi
if [[ ${#missing[@]} -gt 0 && -n "${missing[*]// /}" ]]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends ${missing[*]} >/dev/null
fi

if ! command -v dotnet >/dev/null; then
  echo "setup: the .NET SDK (dotnet, version 10) is required; see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

"$root/scripts/build-native.sh"
echo "setup: dotnet build ($configuration)"
dotnet build "$root/ArithLab.sln" -c "$configuration" -nologo -v quiet -clp:ErrorsOnly
# The .NET Interactive kernel for notebooks/ (the tool manifest .config/dotnet-tools.json pins it),
# registered with Jupyter as ".NET (C#)" once.
(cd "$root" && dotnet tool restore >/dev/null)
if [[ ! -f "${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels/.net-csharp/kernel.json" ]]; then
  echo "setup: registering the .NET Interactive Jupyter kernel"
  mkdir -p "${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels"
  (cd "$root" && dotnet tool run dotnet-interactive jupyter install >/dev/null)
fi
echo "setup: done"
