namespace ArithLab.Plots;

/// <summary>Tick positions on a linear axis: multiples of <paramref name="Step"/>, from <paramref name="Min"/> to <paramref name="Max"/>.</summary>
/// <param name="Min">The first tick.</param>
/// <param name="Max">The last tick.</param>
/// <param name="Step">1, 2 or 5 times a power of ten.</param>
/// <param name="Ticks">The ticks, each rounded to the step's decimals so 0.6 is 0.6, not 0.6000000000000001.</param>
public sealed record NiceRange(double Min, double Max, double Step, IReadOnlyList<double> Ticks);
