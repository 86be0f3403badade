#!/usr/bin/env bash
# Builds native/ against the libtorch this machine has, into native/build/.
# libtorch is found from $LIBTORCH (a folder with include/ and lib/), else Debian's
# libtorch-dev, else the torch package of python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ARITHLAB_NATIVE_BUILD:-$root/native/build}"
multiarch="$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)"

abi=1
if [[ -n "${LIBTORCH:-}" ]]; then
  inc="$LIBTORCH/include"; lib="$LIBTORCH/lib"; source="LIBTORCH=$LIBTORCH"
  if [[ -f "$lib/libtorch_cpu.so" ]] && nm -DC "$lib/libtorch_cpu.so" 2>/dev/null | grep -q "__cxx11"; then abi=1; else abi=0; fi
elif [[ -f /usr/include/torch/csrc/api/include/torch/version.h && -f /usr/lib/$multiarch/libtorch.so ]]; then
  inc=/usr/include; lib=/usr/lib/$multiarch; source="Debian libtorch-dev"
elif python3 -c "import torch" 2>/dev/null; then
  tdir="$(python3 -c 'import os, torch; print(os.path.dirname(torch.__file__))')"
  inc="$tdir/include"; lib="$tdir/lib"; source="python3 torch at $tdir"
  abi="$(python3 -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))')"
else
  echo "build-native: no libtorch found. Install Debian's libtorch-dev, set LIBTORCH, or install torch for python3." >&2
  exit 1
fi
echo "build-native: using $source (include $inc, lib $lib, cxx11 abi $abi)"

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$root/native" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
  -DTORCH_INCLUDE_DIR="$inc" -DTORCH_LIB_DIR="$lib" -DTORCH_CXX11_ABI="$abi" >/dev/null
cmake --build "$build" -j "$(nproc)"
echo "build-native: $build/libarithlab_native.so"
