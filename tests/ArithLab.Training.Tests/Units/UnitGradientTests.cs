using ArithLab.Data.Sampling;
using ArithLab.Training.Units;

namespace ArithLab.Training.Tests.Units;

/// <summary>Every unit pairing's hand-derived backward pass against central finite differences of the same loss.</summary>
public sealed class UnitGradientTests
{
    public static TheoryData<UnitKind, UnitKind, bool> Pairings => new()
    {
        { UnitKind.Nau, UnitKind.Nmu, false },
        { UnitKind.NacAdd, UnitKind.NacMul, false },
        { UnitKind.Nalu, UnitKind.Nalu, false },
        { UnitKind.Linear, UnitKind.Linear, false },
        { UnitKind.Linear, UnitKind.Linear, true },
        { UnitKind.Nau, UnitKind.Nau, false },
        { UnitKind.NacAdd, UnitKind.NacAdd, false },
        { UnitKind.Nmu, UnitKind.Nau, false },
    };

    [Theory]
    [MemberData(nameof(Pairings))]
    public void Gradients_of_loss_plus_regulariser_match_finite_differences(UnitKind first, UnitKind second, bool linearBias)
    {
        const int n = 6, batch = 5;
        const double lambda = 0.7;
        var random = new SeededRandom(11);
        var network = UnitNetwork.Create(first, second, n, 3, batch, random, linearBias: linearBias);
        foreach (var (_, values) in network.Parameters.Where(p => p.Name.EndsWith(".bias", StringComparison.Ordinal)))
        {
            // Zero-initialised; move them off zero so that the check sees them act.
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = 0.3 - 0.2 * i;
            }
        }
        Assert.Equal(linearBias ? 4 : 0, network.Parameters.Where(p => p.Name.EndsWith(".bias", StringComparison.Ordinal)).Sum(p => p.Values.Length));
        var x = Enumerable.Range(0, batch * n).Select(_ => 1 + random.NextDouble()).ToArray();
        var t = Enumerable.Range(0, batch).Select(_ => 2 + 3 * random.NextDouble()).ToArray();

        network.LossAndGradients(x, t, lambda);
        var analytic = network.Gradients.Select(g => g.ToArray()).ToList();

        double Loss() => network.MeanSquaredError(x, t) + lambda * network.Regularizer();
        for (var k = 0; k < network.Parameters.Count; k++)
        {
            var (name, values) = network.Parameters[k];
            for (var i = 0; i < values.Length; i++)
            {
                const double h = 1e-6;
                var saved = values[i];
                values[i] = saved + h;
                var up = Loss();
                values[i] = saved - h;
                var down = Loss();
                values[i] = saved;
                var numeric = (up - down) / (2 * h);
                Assert.True(Math.Abs(numeric - analytic[k][i]) <= 1e-5 * Math.Max(1, Math.Abs(numeric)),
                    $"{name}[{i}]: analytic {analytic[k][i]}, finite difference {numeric}");
            }
        }
    }
}
