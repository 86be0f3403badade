namespace ArithLab.Torch;

/// <summary>A libtorch failure (bad shape, dtype mismatch, index out of range, missing CUDA,
/// unreadable file) carrying libtorch's message without its C++ backtrace.</summary>
public sealed class TorchException : Exception
{
    public TorchException(string message) : base(message) { }

    public TorchException(string message, Exception inner) : base(message, inner) { }
}
