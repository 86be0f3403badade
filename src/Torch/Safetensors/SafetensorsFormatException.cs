namespace ArithLab.Torch.Safetensors;

/// <summary>A file that is not valid safetensors; the message starts with the file's path.</summary>
public sealed class SafetensorsFormatException : TorchException
{
    public SafetensorsFormatException(string path, string problem)
        : base($"{path}: not a valid safetensors file: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    public string Path { get; }

    public string Problem { get; }
}
