namespace ArithLab.Plots;

/// <summary>
/// Categorical colours for series, in order. These are the ten "tab10" colours (Tableau 10) that
/// matplotlib uses by default, so curves look familiar next to figures from Python.
/// </summary>
public static class Palette
{
    private static readonly Rgb[] Tab10 =
    [
        Rgb.FromHex("#1f77b4"), Rgb.FromHex("#ff7f0e"), Rgb.FromHex("#2ca02c"), Rgb.FromHex("#d62728"),
        Rgb.FromHex("#9467bd"), Rgb.FromHex("#8c564b"), Rgb.FromHex("#e377c2"), Rgb.FromHex("#7f7f7f"),
        Rgb.FromHex("#bcbd22"), Rgb.FromHex("#17becf"),
    ];

    public static int Count => Tab10.Length;

    /// <summary>The colour of series number <paramref name="index"/>; cycles after ten.</summary>
    public static Rgb Category(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Tab10[index % Tab10.Length];
    }
}
