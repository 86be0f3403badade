using ArithLab.Torch;

namespace ArithLab.Training.Precision;

/// <summary>
/// Loss scaling for float16 (Micikevicius et al. 2018, "Mixed Precision Training"; PyTorch's
/// GradScaler): the loss is multiplied by S before backward so small gradients survive float16's
/// narrow range, and gradients are divided by S before the step. A step whose gradients hold an
/// Inf or NaN is skipped; a dynamic scale then halves, and doubles after
/// <see cref="GrowthInterval"/> clean steps in a row.
/// </summary>
public sealed class GradScaler
{
    public GradScaler(double initialScale, bool dynamic, int growthInterval = 2000, double growthFactor = 2.0, double backoffFactor = 0.5)
    {
        if (!(initialScale > 0) || double.IsInfinity(initialScale))
        {
            throw new ArgumentOutOfRangeException(nameof(initialScale), initialScale, "the loss scale must be a finite number > 0");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(growthInterval, 1);
        Scale = initialScale;
        Dynamic = dynamic;
        GrowthInterval = growthInterval;
        GrowthFactor = growthFactor;
        BackoffFactor = backoffFactor;
    }

    public double Scale { get; private set; }

    public bool Dynamic { get; }

    public int GrowthInterval { get; }

    public double GrowthFactor { get; }

    public double BackoffFactor { get; }

    /// <summary>Clean steps since the scale last changed.</summary>
    public int GrowthTracker { get; private set; }

    public Tensor ScaleLoss(Tensor loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return loss * Scale;
    }

    /// <summary>Divides every gradient by the scale in place; returns whether all are finite.</summary>
    public bool Unscale(IReadOnlyList<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var inverse = 1.0 / Scale;
        var finite = true;
        using var scope = DisposeScope.Begin();
        using var noGrad = LibTorch.NoGrad();
        foreach (var p in parameters)
        {
            var g = p.Grad;
            if (g is null)
            {
                continue;
            }
            g.Mul_(inverse);
            finite &= g.IsFinite().All().Item() != 0;
        }
        return finite;
    }

    /// <summary>Backs off after non-finite gradients, grows after a run of clean steps (dynamic scales only).</summary>
    public void Update(bool gradientsFinite)
    {
        if (!Dynamic)
        {
            return;
        }
        if (!gradientsFinite)
        {
            Scale *= BackoffFactor;
            GrowthTracker = 0;
            return;
        }
        GrowthTracker++;
        if (GrowthTracker >= GrowthInterval)
        {
            Scale *= GrowthFactor;
            GrowthTracker = 0;
        }
    }

    /// <summary>Restores a saved scale and counter (resume).</summary>
    public void Restore(double scale, int growthTracker)
    {
        if (!(scale > 0) || double.IsInfinity(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "the loss scale must be a finite number > 0");
        }
        Scale = scale;
        GrowthTracker = growthTracker;
    }
}
