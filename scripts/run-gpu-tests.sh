#!/usr/bin/env bash
# On a GPU box: builds the native shim against python3's CUDA torch and runs the CUDA tests
# packed by scripts/publish-gpu-tests.sh. Writes logs to ${OUT:-/tmp}/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
logs="${OUT:-/tmp}"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
python3 -c "import torch; print('torch', torch.__version__, 'cuda', torch.version.cuda)"
ARITHLAB_NATIVE_BUILD=/tmp/arithlab-native "$root/scripts/build-native.sh" > "$logs/native-build.log" 2>&1 || { tail -40 "$logs/native-build.log"; exit 1; }
tail -1 "$logs/native-build.log"
rm -rf /tmp/cuda-tests && tar xJf "$root/.publish/cuda-tests.tar.xz" -C /tmp
export ARITHLAB_NATIVE=/tmp/arithlab-native/libarithlab_native.so
/tmp/cuda-tests/ArithLab.Cuda.Tests -noColor "$@" 2>&1 | tee "$logs/cuda-tests.log" | grep -vE "^\s+(Passed|Skipped) " || true
grep -q "Failed: 0" "$logs/cuda-tests.log"
