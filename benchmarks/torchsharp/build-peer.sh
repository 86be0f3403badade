# Sourced by the benchmark scripts: builds the TorchSharp peer (restoring TorchSharp-cpu 0.107 into
# benchmarks/.torchsharp/ the first time) and lets its own copy of libLibTorchSharp.so load here.
# Sets torchsharp_peer to the peer's dll.
torchsharp_dir="$root/benchmarks/ArithLab.TorchSharpPeer"
echo "building the TorchSharp peer (the first build restores ~600 MB of TorchSharp-cpu into benchmarks/.torchsharp/)"
dotnet build -c Release "$torchsharp_dir" -v q -nologo >/dev/null
torchsharp_peer="$torchsharp_dir/bin/Release/net10.0/ArithLab.TorchSharpPeer.dll"
/usr/bin/python3 "$root/benchmarks/torchsharp/patch-glibcxx.py" \
  "$torchsharp_dir/bin/Release/net10.0/runtimes/linux-x64/native/libLibTorchSharp.so"
