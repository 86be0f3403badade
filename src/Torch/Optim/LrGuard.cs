namespace ArithLab.Torch.Optim;

/// <summary>Argument checks shared by the schedules.</summary>
internal static class LrGuard
{
    public static void NonNegative(double value, string name)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "must be a finite non-negative number");
        }
    }

    public static void Schedule(double maxLr, double minLr, long warmupSteps, long totalSteps)
    {
        NonNegative(maxLr, nameof(maxLr));
        NonNegative(minLr, nameof(minLr));
        if (minLr > maxLr)
        {
            throw new ArgumentOutOfRangeException(nameof(minLr), minLr, $"the minimum learning rate exceeds the maximum {maxLr}");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        // Equal counts are a run that only warms up (the decay would start after its last step).
        if (totalSteps < warmupSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"total steps must be at least the {warmupSteps} warm-up steps");
        }
    }

    /// <summary>Linear warm-up: step 0 gets maxLr/warmupSteps, step warmupSteps − 1 gets maxLr
    /// (so no step trains at a rate of zero).</summary>
    public static double Warmup(long step, double maxLr, long warmupSteps) => maxLr * (step + 1) / warmupSteps;
}
