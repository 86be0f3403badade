namespace ArithLab.Training.Units;

/// <summary>One evaluation of a unit network: validation (interpolation) and test (extrapolation) MSE on the fixed sets, and the sparsity error.</summary>
public sealed record UnitsEvaluation(long Step, double TrainLoss, double Lambda, double ValidMse, double TestMse, double SparsityError)
{
    /// <summary>Metrics-file columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["step", "loss", "lambda", "valid_mse", "test_mse", "sparsity_error"];

    public IReadOnlyList<double?> Values() => [Step, TrainLoss, Lambda, ValidMse, TestMse, SparsityError];

    /// <summary>Reads one metrics record back (resume, figures).</summary>
    public static UnitsEvaluation FromRecord(IReadOnlyDictionary<string, double?> record)
    {
        ArgumentNullException.ThrowIfNull(record);
        double Get(string key) => record.TryGetValue(key, out var v) && v is { } d ? d : double.NaN;
        return new UnitsEvaluation((long)Get("step"), Get("loss"), Get("lambda"), Get("valid_mse"), Get("test_mse"), Get("sparsity_error"));
    }
}
