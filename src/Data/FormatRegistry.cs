using ArithLab.Data.Formats;

namespace ArithLab.Data;

/// <summary>Looks up the digit formats of <see cref="DataFormat"/> by the names configs and the command line use.</summary>
public static class FormatRegistry
{
    /// <summary>The formats with a digit layout of their own (every <see cref="DataFormat"/> but fone).</summary>
    public static IReadOnlyList<string> Names { get; } = DataFormat.All.Where(f => f.Written == f).Select(f => f.Name).ToArray();

    public static DigitFormat Get(string name, FormatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var format = DataFormat.All.FirstOrDefault(f => f.Name == name && f.Written == f)
            ?? throw new ArgumentException(UnknownMessage(name), nameof(name));
        return format.Create(options);
    }

    private static string UnknownMessage(string name)
    {
        var hint = ClosestName.Find(name, Names) is { } closest ? $"; did you mean '{closest}'?" : ".";
        return $"unknown format '{name}'{hint} Known formats: {string.Join(", ", Names)}";
    }
}
