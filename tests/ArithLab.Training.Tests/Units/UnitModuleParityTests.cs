using ArithLab.Data.Sampling;
using ArithLab.Models.Arithmetic;
using ArithLab.Torch;
using ArithLab.Training.Tests.Training;
using ArithLab.Training.Units;

namespace ArithLab.Training.Tests.Units;

/// <summary>
/// The benchmark's array layers compute what the libtorch modules of src/Models/Arithmetic compute,
/// given the same weights (float32 modules, so to float32 precision).
/// </summary>
[Collection(TrainingStateCollection.Name)]
public sealed class UnitModuleParityTests
{
    private const int In = 7, Out = 3, Batch = 4;

    private static (double[] X, Tensor Xt) Inputs()
    {
        var random = new SeededRandom(9);
        var x = Enumerable.Range(0, Batch * In).Select(_ => 0.5 + 1.5 * random.NextDouble()).ToArray();
        return (x, Tensor.From(x.Select(v => (float)v).ToArray(), Batch, In));
    }

    private static void Set(Tensor target, double[] values)
    {
        using var source = Tensor.From(values.Select(v => (float)v).ToArray(), Out, In);
        using var noGrad = LibTorch.NoGrad();
        target.CopyFrom_(source);
    }

    private static void AssertSame(IUnitLayer layer, double[] x, Tensor expected)
    {
        var y = new double[Batch * Out];
        layer.Forward(x, y);
        var reference = expected.ToArray<float>();
        for (var i = 0; i < y.Length; i++)
        {
            Assert.Equal(reference[i], y[i], Math.Max(1e-4, Math.Abs(reference[i]) * 1e-5));
        }
    }

    [Fact]
    public void Nau_layer_matches_the_Nau_module()
    {
        using var scope = DisposeScope.Begin();
        var (x, xt) = Inputs();
        var layer = new NauLayer(In, Out, new SeededRandom(1));
        using var module = new Nau(In, Out);
        Set(module.W, layer.Parameters[0].Values);
        AssertSame(layer, x, module.Forward(xt));
    }

    [Fact]
    public void Nmu_layer_matches_the_Nmu_module()
    {
        using var scope = DisposeScope.Begin();
        var (x, xt) = Inputs();
        var layer = new NmuLayer(In, Out, new SeededRandom(2));
        using var module = new Nmu(In, Out);
        Set(module.W, layer.Parameters[0].Values);
        AssertSame(layer, x, module.Forward(xt));
    }

    [Fact]
    public void Nac_layers_match_the_Nac_module_in_linear_and_log_space()
    {
        using var scope = DisposeScope.Begin();
        var (x, xt) = Inputs();
        var add = new NacLayer(In, Out, new SeededRandom(3));
        var mul = new NacMulLayer(In, Out, new SeededRandom(3));
        using var module = new Nac(In, Out);
        Set(module.WHat, add.Parameters[0].Values);
        Set(module.MHat, add.Parameters[1].Values);
        AssertSame(add, x, module.Forward(xt));
        AssertSame(mul, x, module.Forward((xt.Abs() + 1e-7).Log()).Exp());
    }

    [Fact]
    public void Nalu_layer_matches_the_Nalu_module()
    {
        using var scope = DisposeScope.Begin();
        var (x, xt) = Inputs();
        var layer = new NaluLayer(In, Out, new SeededRandom(4));
        using var module = new Nalu(In, Out);
        Set(module.Nac.WHat, layer.Parameters[0].Values);
        Set(module.Nac.MHat, layer.Parameters[1].Values);
        Set(module.G, layer.Parameters[2].Values);
        AssertSame(layer, x, module.Forward(xt));
    }
}
