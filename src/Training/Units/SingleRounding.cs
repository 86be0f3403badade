namespace ArithLab.Training.Units;

/// <summary>Rounds float64 values to the nearest float32 (IEEE round-to-nearest-even), in place: float32 storage emulated on float64 arrays.</summary>
public static class SingleRounding
{
    public static void Round(Span<double> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)values[i];
        }
    }

    /// <summary>Rounds <paramref name="values"/> when <paramref name="precision"/> is float32; leaves them alone otherwise.</summary>
    public static void Apply(UnitPrecision precision, Span<double> values)
    {
        if (precision == UnitPrecision.Float32)
        {
            Round(values);
        }
    }
}
