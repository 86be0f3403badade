using ArithLab.Torch.Native;

namespace ArithLab.Torch.Nn;

/// <summary>
/// In-place initialisation, as PyTorch's <c>torch.nn.init</c>: each fills the tensor without
/// recording gradients and returns it. Random fills draw from libtorch's default generator,
/// so <see cref="LibTorch.ManualSeed"/> makes them repeatable.
/// </summary>
public static class Init
{
    public static Tensor Normal_(Tensor tensor, double mean = 0, double std = 1)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Status.Check(NativeMethods.al_init_normal_(tensor.Handle, mean, std));
        return tensor;
    }

    public static Tensor Uniform_(Tensor tensor, double low = 0, double high = 1)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Status.Check(NativeMethods.al_init_uniform_(tensor.Handle, low, high));
        return tensor;
    }

    /// <summary>
    /// N(mean, std²) restricted to [<paramref name="a"/>, <paramref name="b"/>] (absolute
    /// bounds, as PyTorch's <c>trunc_normal_</c>), drawn by the inverse-CDF method.
    /// </summary>
    public static Tensor TruncNormal_(Tensor tensor, double mean = 0, double std = 1, double a = -2, double b = 2)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Status.Check(NativeMethods.al_init_trunc_normal_(tensor.Handle, mean, std, a, b));
        return tensor;
    }

    public static Tensor Constant_(Tensor tensor, double value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Status.Check(NativeMethods.al_init_fill_(tensor.Handle, value));
        return tensor;
    }

    public static Tensor Zeros_(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Status.Check(NativeMethods.al_init_zero_(tensor.Handle));
        return tensor;
    }

    public static Tensor Ones_(Tensor tensor) => Constant_(tensor, 1);

    /// <summary>The gain PyTorch recommends for a nonlinearity; <paramref name="negativeSlope"/> is leaky ReLU's.</summary>
    public static double CalculateGain(Nonlinearity nonlinearity, double negativeSlope = 0.01) => nonlinearity switch
    {
        Nonlinearity.Linear or Nonlinearity.Sigmoid => 1,
        Nonlinearity.Tanh => 5.0 / 3,
        Nonlinearity.Relu => Math.Sqrt(2),
        Nonlinearity.LeakyRelu => Math.Sqrt(2 / (1 + negativeSlope * negativeSlope)),
        Nonlinearity.Selu => 3.0 / 4,
        _ => throw new ArgumentOutOfRangeException(nameof(nonlinearity), nonlinearity, null),
    };

    /// <summary>
    /// (fan_in, fan_out) of a weight of shape (out, in, *kernel): in·k and out·k, where k is
    /// the product of the kernel dimensions.
    /// </summary>
    public static (long FanIn, long FanOut) Fans(ReadOnlySpan<long> shape)
    {
        if (shape.Length < 2)
        {
            throw new ArgumentException($"fan in and fan out need a tensor of at least 2 dimensions, got {shape.Length}", nameof(shape));
        }
        long receptive = 1;
        foreach (var size in shape[2..])
        {
            receptive *= size;
        }
        return (shape[1] * receptive, shape[0] * receptive);
    }

    /// <summary>U(−b, b) with b = gain·√(3 / fan) (He et al. 2015); <paramref name="a"/> is leaky ReLU's negative slope.</summary>
    public static Tensor KaimingUniform_(Tensor tensor, double a = 0, FanMode mode = FanMode.FanIn, Nonlinearity nonlinearity = Nonlinearity.LeakyRelu)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var bound = CalculateGain(nonlinearity, a) * Math.Sqrt(3.0 / Fan(tensor, mode));
        return Uniform_(tensor, -bound, bound);
    }

    /// <summary>N(0, std²) with std = gain / √fan (He et al. 2015).</summary>
    public static Tensor KaimingNormal_(Tensor tensor, double a = 0, FanMode mode = FanMode.FanIn, Nonlinearity nonlinearity = Nonlinearity.LeakyRelu)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var std = CalculateGain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
        return Normal_(tensor, 0, std);
    }

    /// <summary>U(−b, b) with b = gain·√(6 / (fan_in + fan_out)) (Glorot &amp; Bengio 2010, eq. 16).</summary>
    public static Tensor XavierUniform_(Tensor tensor, double gain = 1)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var (fanIn, fanOut) = Fans(tensor.Shape);
        var bound = gain * Math.Sqrt(6.0 / (fanIn + fanOut));
        return Uniform_(tensor, -bound, bound);
    }

    /// <summary>N(0, std²) with std = gain·√(2 / (fan_in + fan_out)) (Glorot &amp; Bengio 2010).</summary>
    public static Tensor XavierNormal_(Tensor tensor, double gain = 1)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var (fanIn, fanOut) = Fans(tensor.Shape);
        return Normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)));
    }

    private static long Fan(Tensor tensor, FanMode mode)
    {
        var (fanIn, fanOut) = Fans(tensor.Shape);
        var fan = mode == FanMode.FanIn ? fanIn : fanOut;
        if (fan == 0)
        {
            throw new ArgumentException("cannot initialise a tensor with zero elements by its fan", nameof(tensor));
        }
        return fan;
    }
}
