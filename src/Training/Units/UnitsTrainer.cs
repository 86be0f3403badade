using ArithLab.Data.Sampling;
using ArithLab.Data.Units;
using ArithLab.Training.Config;
using ArithLab.Training.Precision;

namespace ArithLab.Training.Units;

/// <summary>
/// Trains one seed of an arithmetic-unit experiment: Adam on MSE + λ(t)·R with fresh interpolation samples
/// every step, the units' clamps after each step, and an evaluation on the fixed validation and test sets
/// every train.eval_every steps and at the end (stable-nalu's loop). Each step's batch comes from a
/// generator derived from (seed, step), so a run resumed from a checkpoint continues the same curve.
/// </summary>
public sealed class UnitsTrainer
{
    private readonly UnitsConfig _config;
    private readonly double[] _validX;
    private readonly double[] _validT;
    private readonly double[] _testX;
    private readonly double[] _testT;
    private readonly List<UnitsEvaluation> _evaluations = [];
    private readonly IReadOnlyList<int> _parameterColumns = [];

    public UnitsTrainer(UnitsConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        Task = config.CreateTask();
        var n = Task.InputSize;
        var precision = config.Precision.DType;
        Network = UnitNetwork.Create(config.Model.First, config.Model.Second, n, config.Model.Hidden, config.Train.BatchSize,
            SeededRandom.Derive((ulong)config.Seed, 2), precision, config.Model.LinearBias);
        foreach (var (_, values) in Network.Parameters)
        {
            SingleRounding.Apply(precision, values);
        }
        if (config.Precision.Format != LowPrecisionFormat.None)
        {
            LowPrecision = new UnitLowPrecision(PrecisionRecipe.Resolve(config.Precision.AsExperiment()), config.Seed);
            Network.UseRecipe(LowPrecision);
            _parameterColumns = Network.ParameterColumns;
        }
        Optimizer = new UnitAdam(Network.Parameters.Select(p => p.Values).ToList(), Network.Gradients, config.Train.Lr, precision: precision);
        (_validX, _validT) = FixedSet(config.Task.ValidSize, config.Task.Interpolation, config.Task.ValidSeed);
        (_testX, _testT) = FixedSet(config.Task.TestSize, config.Task.Extrapolation, config.Task.TestSeed);
        Threshold = SuccessThreshold.MonteCarlo(Task, config.Task.Extrapolation, config.Success.Epsilon, config.Success.ThresholdSamples,
            (ulong)config.Task.TestSeed);
    }

    public SubsetTask Task { get; }

    public UnitNetwork Network { get; }

    public UnitAdam Optimizer { get; }

    /// <summary>The low-precision recipe of `precision.format`, or null under none.</summary>
    public UnitLowPrecision? LowPrecision { get; }

    /// <summary>The extrapolation MSE of the ε-perturbed exact solution.</summary>
    public double Threshold { get; }

    /// <summary>The next step to run (steps completed).</summary>
    public long Step { get; private set; }

    public double LastLoss { get; private set; } = double.NaN;

    public IReadOnlyList<UnitsEvaluation> Evaluations => _evaluations;

    /// <summary>Called after each evaluation (metrics line, progress).</summary>
    public Action<UnitsEvaluation>? Evaluated { get; init; }

    /// <summary>Called every runtime.checkpoint_every steps with the steps completed.</summary>
    public Action<long>? Checkpoint { get; init; }

    /// <summary>Continues from a checkpoint: the step, the evaluations before it (read back from the metrics) and the last training loss.</summary>
    public void Restore(long step, IEnumerable<UnitsEvaluation> earlier, double lastLoss)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        Step = step;
        LastLoss = lastLoss;
        Optimizer.Steps = step;
        _evaluations.Clear();
        _evaluations.AddRange(earlier.Where(e => e.Step < step));
    }

    /// <summary>Trains to train.iterations; returns false when cancelled (then <see cref="Step"/> is where to checkpoint).</summary>
    public bool Run(CancellationToken cancellation = default)
    {
        var train = _config.Train;
        var x = new double[train.BatchSize * Task.InputSize];
        var t = new double[train.BatchSize];
        var ramp = train.Ramp;
        while (true)
        {
            if (Step % train.EvalEvery == 0 || Step == train.Iterations)
            {
                Evaluate(ramp.At(Step));
            }
            if (Step >= train.Iterations)
            {
                return true;
            }
            if (cancellation.IsCancellationRequested)
            {
                return false;
            }
            Task.Fill(x, t, _config.Task.Interpolation, SeededRandom.Derive((ulong)_config.Seed, 1, Step));
            RoundData(x, t);
            if (LowPrecision is not null)
            {
                LowPrecision.Step = Step;
            }
            LastLoss = Network.LossAndGradients(x, t, ramp.At(Step));
            Optimizer.Step();
            LowPrecision?.QuantizeOptimizerState(Optimizer, _parameterColumns);
            Network.ClampParameters();
            LowPrecision?.EndStep();
            Step++;
            if (Step % _config.Runtime.CheckpointEvery == 0 && Step < train.Iterations)
            {
                Checkpoint?.Invoke(Step);
            }
        }
    }

    /// <summary>The test (extrapolation) MSE as the network computes under its recipe, with the quantizers and L-Mul in; null under none.</summary>
    public double? RecipeTestMse() => LowPrecision is null ? null : Network.RecipeMeanSquaredError(_testX, _testT);

    public SeedOutcome Outcome() => SeedOutcome.From(_config.Seed, Threshold, _evaluations);

    private void Evaluate(double lambda)
    {
        var evaluation = new UnitsEvaluation(Step, LastLoss, lambda,
            Network.MeanSquaredError(_validX, _validT), Network.MeanSquaredError(_testX, _testT), Network.SparsityError());
        // An evaluation at a step already judged (a resume right after one) replaces it.
        _evaluations.RemoveAll(e => e.Step == Step);
        _evaluations.Add(evaluation);
        Evaluated?.Invoke(evaluation);
    }

    private (double[] X, double[] T) FixedSet(int rows, InputRange range, int seed)
    {
        var x = new double[rows * Task.InputSize];
        var t = new double[rows];
        Task.Fill(x, t, range, new SeededRandom((ulong)seed));
        RoundData(x, t);
        return (x, t);
    }

    /// <summary>Inputs and targets as the network sees them: stable-nalu samples in float64 (numpy) and hands float32 tensors over.</summary>
    private void RoundData(double[] x, double[] t)
    {
        SingleRounding.Apply(_config.Precision.DType, x);
        SingleRounding.Apply(_config.Precision.DType, t);
    }
}
