#!/usr/bin/env bash
# Builds benchmarks/native/matmul_bench.cpp against the same libtorch as native/ (found the
# same way as scripts/build-native.sh: $LIBTORCH, else Debian's libtorch-dev) and runs it.
#   bash benchmarks/run-native-matmul.sh [matmul-overhead|matmul-gflops|all]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
multiarch="$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)"
if [[ -n "${LIBTORCH:-}" ]]; then
  inc="$LIBTORCH/include"; lib="$LIBTORCH/lib"
elif [[ -f /usr/include/torch/csrc/api/include/torch/version.h && -f /usr/lib/$multiarch/libtorch.so ]]; then
  inc=/usr/include; lib=/usr/lib/$multiarch
else
  echo "run-native-matmul: no libtorch found (set LIBTORCH or install libtorch-dev)" >&2
  exit 1
fi
out="$root/native/build/bench"  # inside the shim build folder, which git ignores
mkdir -p "$out"
# /usr/include must not be passed as -isystem: it would break libstdc++'s #include_next.
includes=(-isystem "$inc/torch/csrc/api/include")
[[ "$inc" != /usr/include ]] && includes+=(-isystem "$inc")
src="$root/benchmarks/native/matmul_bench.cpp"
if [[ ! -x "$out/matmul_bench" || "$src" -nt "$out/matmul_bench" ]]; then
  echo "run-native-matmul: building $out/matmul_bench against $lib" >&2
  # Same optimisation level as the shim's CMake Release build.
  g++ -O3 -DNDEBUG -std=c++17 "$src" -o "$out/matmul_bench" \
    "${includes[@]}" \
    -L"$lib" -Wl,-rpath,"$lib" -Wl,--no-as-needed -ltorch -ltorch_cpu -lc10 -Wl,--as-needed
fi
"$out/matmul_bench" "${1:-all}"
