using ArithLab.Data.Sampling;

namespace ArithLab.Training.Units;

/// <summary>The initialisations of docs/models.md, drawn from the lab's seeded generator.</summary>
internal static class UnitInit
{
    public static double[] Uniform(SeededRandom random, int count, double lo, double hi)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = lo + (hi - lo) * random.NextDouble();
        }
        return values;
    }

    /// <summary>Glorot-uniform: U[−r, r] with r = √(6 / (in + out)) (Glorot &amp; Bengio 2010).</summary>
    public static double[] GlorotUniform(SeededRandom random, int outputs, int inputs)
    {
        var r = Math.Sqrt(6.0 / (inputs + outputs));
        return Uniform(random, outputs * inputs, -r, r);
    }
}
