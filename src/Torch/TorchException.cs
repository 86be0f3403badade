namespace ArithLab.Torch;

/// <summary>A libtorch failure (bad shape, dtype mismatch, index out of range, missing CUDA,
/// unreadable file) carrying libtorch's message without its C++ backtrace. The engine's own
/// failures (a malformed safetensors file, a bad state dict) derive from it, so one catch
/// covers every way the engine can refuse.</summary>
public class TorchException : Exception
{
    public TorchException(string message) : base(message) { }

    public TorchException(string message, Exception inner) : base(message, inner) { }
}
