using ArithLab.Data.Sampling;
using ArithLab.Data.Units;
using ArithLab.Training.Units;

namespace ArithLab.Training.Tests.Units;

/// <summary>`precision.dtype: float32`: values land on IEEE float32's grid, and float32's rounding noise keeps Adam moving where float64 lets it rest.</summary>
public sealed class UnitPrecisionTests
{
    [Theory]
    [InlineData(0.1, 0.100000001490116119384765625)] // 13421773·2⁻²⁷, the float32 nearest 0.1
    [InlineData(1.000000059604644775390625, 1.0)] // 1 + 2⁻²⁴, halfway between 1 and 1 + 2⁻²³: ties to the even 1
    [InlineData(1.000000178813934326171875, 1.0000002384185791015625)] // 1 + 3·2⁻²⁴, halfway: ties to the even 1 + 2⁻²²
    [InlineData(16777217.0, 16777216.0)] // 2²⁴ + 1 is not a float32
    [InlineData(-2.5e-46, -0.0)] // under half the smallest subnormal 2⁻¹⁴⁹
    [InlineData(3.5e38, double.PositiveInfinity)] // over float32's largest finite 3.4028235·10³⁸
    public void Rounding_gives_the_nearest_float32(double value, double expected)
    {
        var values = new[] { value };
        SingleRounding.Round(values);
        Assert.Equal(expected, values[0]);
        Assert.Equal(double.IsNegative(expected), double.IsNegative(values[0]));
    }

    [Fact]
    public void A_float32_run_stores_weights_and_adam_moments_on_the_float32_grid_and_a_float64_run_does_not()
    {
        static UnitsTrainer Trained(string dtype)
        {
            var trainer = new UnitsTrainer(Config("mul", "nau", "nmu", dtype, "train.iterations=300", "train.sparsity.start=100", "train.sparsity.end=200"));
            Assert.True(trainer.Run());
            return trainer;
        }
        static IEnumerable<double> Stored(UnitsTrainer t) =>
            t.Network.Parameters.SelectMany(p => p.Values).Concat(t.Optimizer.ExpAvg.SelectMany(m => m)).Concat(t.Optimizer.ExpAvgSq.SelectMany(v => v));

        Assert.All(Stored(Trained("float32")), v => Assert.Equal(v, (double)(float)v));
        Assert.Contains(Stored(Trained("float64")), v => v != (float)v);
    }

    [Theory]
    [InlineData(UnitPrecision.Float64, 0, 1e-10)]
    [InlineData(UnitPrecision.Float32, 1e-8, 1e-3)]
    public void At_the_exact_subtraction_solution_the_gradient_is_rounding_noise_under_or_over_adams_epsilon(UnitPrecision precision, double least, double most)
    {
        // Linear → linear holds a − b exactly: h = (a, b), y = h₁ − h₂. There the MSE gradient is rounding noise alone:
        // h ≈ 37 rounds by about 2·10⁻⁶ in float32, 4·10⁻¹⁵ in float64, so the largest gradient lies over Adam's
        // ε = 10⁻⁸ in float32 and far under it in float64 (docs/units.md, "Linear −").
        const int batch = 128;
        var task = SubsetTask.FromRatios(100, 0.25, 0.5, UnitOperation.Sub, 0);
        var network = UnitNetwork.Create(UnitKind.Linear, UnitKind.Linear, task.InputSize, 2, batch, new SeededRandom(1), precision);
        var (first, second) = (network.Parameters[0].Values, network.Parameters[1].Values);
        for (var i = 0; i < task.InputSize; i++)
        {
            first[i] = i >= task.A.Start && i < task.A.End ? 1 : 0;
            first[task.InputSize + i] = i >= task.B.Start && i < task.B.End ? 1 : 0;
        }
        (second[0], second[1]) = (1, -1);
        var (x, t) = (new double[batch * task.InputSize], new double[batch]);
        task.Fill(x, t, InputRange.Uniform(1, 2), new SeededRandom(2));
        SingleRounding.Apply(precision, x);
        SingleRounding.Apply(precision, t);

        network.LossAndGradients(x, t, 0);

        var largest = network.Gradients.SelectMany(g => g).Max(Math.Abs);
        Assert.InRange(largest, least, most);
    }

    private static UnitsConfig Config(string operation, string first, string second, string dtype, params string[] overrides) => UnitsConfigLoader.Parse(
        $"name: t\ntask: {{operation: {operation}}}\nmodel: {{first: {first}, second: {second}}}\nprecision: {{dtype: {dtype}}}\n", "test.yaml",
        ["task.valid_size=1000", "task.test_size=1000", "success.threshold_samples=20000", .. overrides]);
}
