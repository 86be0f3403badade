using ArithLab.Torch;
using ArithLab.Training.Config;

namespace ArithLab.Training.Precision;

/// <summary>The one place `precision` config becomes a policy; new low-precision formats plug in here.</summary>
public static class PrecisionPolicies
{
    /// <param name="seed">The run's seed, which stochastic rounding draws from.</param>
    public static IPrecisionPolicy Create(PrecisionConfig precision, Device device, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(precision);
        if (precision.Format == LowPrecisionFormat.None)
        {
            return Standard(precision, device);
        }
        if (device.Type != DeviceType.Cpu)
        {
            // The quantizers and the L-Mul matmul are CPU kernels (native/src/lowp_*.cpp).
            throw new NotSupportedException($"precision.format {PrecisionKeys.Recipes.NameOf(precision.Format)} runs on the CPU; set runtime.device: cpu");
        }
        return new LowPrecisionTraining(PrecisionRecipe.Resolve(precision), seed);
    }

    /// <summary>
    /// The region a trained model is evaluated in: its low-precision recipe's forward pass (weights,
    /// activations, attention, L-Mul), with per-tensor scales from each tensor's own amax, since a
    /// delayed-scaling history belongs to training. Nothing under precision.format none.
    /// </summary>
    public static IDisposable BeginEvaluation(PrecisionConfig precision)
    {
        ArgumentNullException.ThrowIfNull(precision);
        if (precision.Format == LowPrecisionFormat.None)
        {
            return new Region(null, null);
        }
        var policy = new LowPrecisionTraining(PrecisionRecipe.Resolve(precision) with { DelayedScaling = false }, seed: 0);
        try
        {
            return new Region(policy.BeginForward(), policy);
        }
        catch
        {
            policy.Dispose();
            throw;
        }
    }

    /// <summary>An evaluation region: closes the forward region, then frees the policy's scale buffers.</summary>
    private sealed class Region(IDisposable? forward, LowPrecisionTraining? policy) : IDisposable
    {
        public void Dispose()
        {
            forward?.Dispose();
            policy?.Dispose();
        }
    }

    private static StandardPrecision Standard(PrecisionConfig precision, Device device)
    {
        var dtype = precision.DType switch
        {
            DType.Float32 => ScalarType.Float32,
            DType.BFloat16 => ScalarType.BFloat16,
            DType.Float16 => ScalarType.Float16,
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision.DType, "unknown precision.dtype"),
        };
        GradScaler? scaler = precision.LossScale.Mode switch
        {
            LossScaleMode.None => null,
            LossScaleMode.Dynamic => new GradScaler(precision.InitScale, dynamic: true, precision.GrowthInterval),
            LossScaleMode.Fixed => new GradScaler(precision.LossScale.Factor, dynamic: false),
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision.LossScale.Mode, "unknown loss scale"),
        };
        var autocast = precision.Autocast && dtype != ScalarType.Float32;
        if (!autocast && dtype == ScalarType.Float16 && device.Type == DeviceType.Cpu)
        {
            // libtorch's CPU kernels lack float16 matmuls (1.13); fail before the first step, not in it.
            throw new NotSupportedException("float16 parameters need a CUDA device; on the CPU use precision.dtype: bfloat16");
        }
        return new StandardPrecision(device, autocast ? ScalarType.Float32 : dtype, autocast ? dtype : null, scaler);
    }
}
