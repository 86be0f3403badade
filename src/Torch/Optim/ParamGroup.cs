namespace ArithLab.Torch.Optim;

/// <summary>
/// Parameters that share hyperparameters, as a PyTorch param group. A learning rate or
/// weight decay left null takes the optimizer's default when the group joins it; LR
/// schedules then set <see cref="LearningRate"/> each step.
/// </summary>
public sealed class ParamGroup
{
    private double? _learningRate;
    private double? _weightDecay;

    public ParamGroup(IEnumerable<Tensor> parameters, double? learningRate = null, double? weightDecay = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Params = parameters.ToArray();
        if (Params.Any(p => p is null))
        {
            throw new ArgumentException("a parameter group holds a null tensor", nameof(parameters));
        }
        if (learningRate is < 0 || learningRate is double.NaN)
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learning rate must be a non-negative number");
        }
        if (weightDecay is < 0 || weightDecay is double.NaN)
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "weight decay must be a non-negative number");
        }
        _learningRate = learningRate;
        _weightDecay = weightDecay;
    }

    /// <summary>The tensors this group updates (owned by their module or caller, not by the optimizer).</summary>
    public IReadOnlyList<Tensor> Params { get; }

    public double LearningRate
    {
        get => _learningRate ?? throw new InvalidOperationException("this group has no learning rate until it joins an optimizer");
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _learningRate = value;
        }
    }

    public double WeightDecay
    {
        get => _weightDecay ?? throw new InvalidOperationException("this group has no weight decay until it joins an optimizer");
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _weightDecay = value;
        }
    }

    internal void ApplyDefaults(double learningRate, double weightDecay)
    {
        _learningRate ??= learningRate;
        _weightDecay ??= weightDecay;
    }
}
