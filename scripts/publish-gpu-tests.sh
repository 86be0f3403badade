#!/usr/bin/env bash
# Packs the CUDA tests as a self-contained executable for a GPU box without .NET:
# .publish/cuda-tests.tar.xz (carry it to the box, then run scripts/run-gpu-tests.sh there).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/.publish"
rm -rf "$out/cuda-tests" && mkdir -p "$out"
dotnet publish "$root/tests/ArithLab.Cuda.Tests" -c Release -r linux-x64 --self-contained \
  -o "$out/cuda-tests" -nologo -v quiet
rm -f "$out/cuda-tests/libarithlab_native.so" # the box builds its own against its CUDA libtorch
tar cJf "$out/cuda-tests.tar.xz" -C "$out" cuda-tests
echo "publish-gpu-tests: $out/cuda-tests.tar.xz ($(du -h "$out/cuda-tests.tar.xz" | cut -f1))"
