using ArithLab.Torch.LowPrecision;

namespace ArithLab.Cli;

/// <summary>A format named on the command line (<see cref="QuantFormat"/>), with a command-line error for a bad name.</summary>
internal static class PrecisionFormatName
{
    public const string Known = QuantFormat.Known;

    public static QuantFormat Parse(string name)
    {
        try
        {
            return QuantFormat.Parse(name);
        }
        catch (ArgumentException e)
        {
            throw new CommandLineException(e.Message);
        }
    }
}
