namespace ArithLab.Plots;

/// <summary>What the options of the x–y charts (lines, scatter) have in common, so that one piece
/// of code checks them and lays out their frame.</summary>
internal interface IXyChartOptions
{
    string? Title { get; }

    double Width { get; }

    double Height { get; }

    AxisOptions X { get; }

    AxisOptions Y { get; }
}
