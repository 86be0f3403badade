using ArithLab.Torch;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Precision;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// The length-generalization grid of a trained run, once per test-time recurrence of a looped model
/// (once when none is given). Everything that can be refused is refused when it is made, before any
/// cell is computed: recurrences for a model without a core, and lengths past the model's position
/// tables or decoding budget (<see cref="EvalCapacity"/>). Each pass appends its finished cells to
/// <c>cells.partial.csv</c> and writes its files when done. Refusals are <see cref="InputRefusedException"/>s.
/// </summary>
public sealed class RunEvaluation
{
    private const string CannotAnswer = "the model cannot answer at these lengths";

    private readonly TrainedModel _trained;
    private readonly EvalSettings _settings;
    private readonly IReadOnlyList<int> _recurrences;
    private readonly EvalEncoder _encoder;

    public RunEvaluation(TrainedModel trained, EvalSettings settings, IReadOnlyList<int> recurrences)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(recurrences);
        if (recurrences.Count > 0 && trained.Adapter.TrainedRecurrences is null)
        {
            throw new InputRefusedException("--recurrences applies to looped models; this run's model is not looped");
        }
        (_trained, _settings, _recurrences) = (trained, settings, recurrences);
        _encoder = EvalEncoder.For(trained.Data, settings.AbacusOffset);
        try
        {
            // Every length against the model's tables and budget, before any cell is computed.
            new EvalCapacity(trained.Adapter, trained.Data.Task, _encoder).Check(settings);
        }
        catch (ArgumentException e)
        {
            throw new InputRefusedException($"{CannotAnswer}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Runs each pass and writes its files into <paramref name="root"/> (or root/recurrences-N/), yielding
    /// each result with its folder as it is done. <paramref name="progress"/> gives each pass its progress report.
    /// </summary>
    public IEnumerable<(EvalResult Result, string Folder)> Run(string root, Device device, Func<IProgress<EvalProgress>?> progress)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(progress);
        var passes = _recurrences.Count == 0 ? [null] : _recurrences.Select(r => (int?)r).ToArray();
        foreach (var r in passes)
        {
            var folder = r is null ? root : Path.Combine(root, $"recurrences-{r}");
            var generator = _trained.Adapter.AnswerGenerator(device, r);
            var evaluator = new GridEvaluator(_trained.Data.Task, _encoder, generator);
            // Opened before any work: a folder that cannot be written is refused now, not after the last cell.
            // The using declaration disposes it when the pass ends or the caller stops iterating; the analyzer
            // does not follow using declarations across the iterator's yield.
#pragma warning disable CA2000
            using var partial = EvalPartialLog.Open(folder);
#pragma warning restore CA2000
            EvalResult result;
            // A low-precision run is evaluated under its own recipe's formats.
            using (PrecisionPolicies.BeginEvaluation(_trained.Config.Precision))
            {
                result = Evaluate(evaluator, _settings with { Recurrences = r ?? _trained.Adapter.TrainedRecurrences }, progress(), partial);
            }
            EvalFiles.Write(result, folder);
            partial.Complete();
            yield return (result, folder);
        }
    }

    private static EvalResult Evaluate(GridEvaluator evaluator, EvalSettings settings, IProgress<EvalProgress>? progress, EvalPartialLog partial)
    {
        try
        {
            return evaluator.Run(settings, progress, cellDone: partial.Append);
        }
        catch (Exception e) when (e is ArgumentException or TorchException)
        {
            // Most often a position id past the model's table: operands far longer than the run was built for.
            throw new InputRefusedException($"{CannotAnswer}: {e.Message}", e);
        }
    }
}
