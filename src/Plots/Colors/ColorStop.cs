namespace ArithLab.Plots;

/// <summary>One stop of a colour map: the colour at <paramref name="Position"/> in [0, 1].</summary>
public readonly record struct ColorStop(double Position, Rgb Color);
