using System.Globalization;
using ArithLab.Models;
using ArithLab.Models.Positional;
using ArithLab.Training.Config;

namespace ArithLab.Training.Setup;

/// <summary>
/// What a config will cost before anything is allocated: parameters, and the memory of one training
/// step (weights, gradients and Adam's two moments in float32, plus the activations a backward pass
/// keeps). A rough upper estimate from the shapes, not a measurement: its job is to refuse a
/// `layers: 1000000` or `batch_size: 100000000` with a number instead of an allocation failure,
/// and to warn when a run would take most of the machine.
/// </summary>
public sealed record ResourceEstimate
{
    /// <summary>Parameters of the model, position tables included.</summary>
    public double Parameters { get; init; }

    /// <summary>Bytes one training step needs: parameters ×4 (weights, gradients, two Adam moments) and activations.</summary>
    public double TrainingBytes { get; init; }

    /// <summary>Tokens in the longest training row.</summary>
    public int SequenceTokens { get; init; }

    /// <summary>Memory this process may use (the machine's, or its container's limit).</summary>
    public double AvailableBytes { get; init; }

    /// <summary>Parameters the model would have without the eval section's lengths sizing its position tables.</summary>
    public double ParametersForTraining { get; init; }

    public static ResourceEstimate Of(ExperimentConfig config, ExperimentData data)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(data);
        var trainingOnly = config with { Eval = config.Eval with { GridA = config.Data.DigitsA, GridB = config.Data.DigitsB, Beyond = ConfigList<int>.Empty, BeyondB = 0 } };
        var parameters = ParameterCount(config.Model, data.Vocabulary.Count, data.PositionTableSize);
        var m = config.Model;
        var (d, f, h) = ((double)m.DModel, (double)m.DFf, (double)m.Heads);
        var t = (double)data.MaxTrainTokens + 2;
        var b = (double)config.Train.BatchSize;
        // A looped model keeps the activations of every pass it back-propagates through.
        var layerPasses = m.Looped.IsLooped ? m.Layers - m.Looped.BlockLayers + (double)m.Looped.BlockLayers * m.Looped.Recurrences : m.Layers;
        // Per layer and token: ~10 d-wide tensors (norms, q, k, v, attention output, residuals), the MLP's
        // hidden width twice, and two T-long rows of attention scores per head; then the logits.
        var activations = 4 * b * t * (layerPasses * (10 * d + 2 * f + 2 * h * t) + 2 * data.Vocabulary.Count);
        return new ResourceEstimate
        {
            Parameters = parameters,
            TrainingBytes = 16 * parameters + activations,
            SequenceTokens = (int)t,
            AvailableBytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            ParametersForTraining = ParameterCount(config.Model, data.Vocabulary.Count, new ExperimentData(trainingOnly).PositionTableSize),
        };
    }

    /// <summary>Why the run cannot fit this machine, or null when it can.</summary>
    public string? Refusal => TrainingBytes > AvailableBytes
        ? $"this experiment needs about {Bytes(TrainingBytes)} to train ({Count(Parameters)} parameters, rows of {SequenceTokens} tokens), " +
          $"more than the {Bytes(AvailableBytes)} this machine has; make the model (model.layers, model.d_model, model.d_ff, model.max_positions) or train.batch_size smaller"
        : null;

    /// <summary>Large but possible: said before the run starts.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            var warnings = new List<string>();
            if (Refusal is null && TrainingBytes > AvailableBytes / 2)
            {
                warnings.Add($"training needs about {Bytes(TrainingBytes)}, over half of the {Bytes(AvailableBytes)} this machine has");
            }
            if (Parameters > 2 * ParametersForTraining && Parameters - ParametersForTraining > 1e6)
            {
                warnings.Add($"the eval section's lengths (eval.grid, eval.beyond) size the position tables: {Count(Parameters)} parameters instead of {Count(ParametersForTraining)}");
            }
            return warnings;
        }
    }

    /// <summary>One line for `config check`.</summary>
    public string Describe() =>
        $"{Count(Parameters)} parameters; a training step needs about {Bytes(TrainingBytes)} of the {Bytes(AvailableBytes)} available";

    private static double ParameterCount(ModelConfig m, int vocabulary, int positionTableSize)
    {
        var (d, f) = ((double)m.DModel, (double)m.DFf);
        var glu = m.Activation is Activation.SwiGlu or Activation.GeGlu;
        // Attention: q, k, v and the output projection with biases; the MLP (a GLU's input doubles); two norms.
        var layer = 4 * d * d + 4 * d + (glu ? 3 : 2) * d * f + f + d + 4 * d;
        var tables = 0.0;
        foreach (var scheme in m.Positional)
        {
            tables += scheme.Role switch
            {
                _ when scheme == PositionalScheme.Learned => m.MaxPositions * d,
                PositionalRole.SuppliesIdTable => Math.Max(m.MaxPositions, positionTableSize) * d,
                _ => 0,
            };
        }
        return m.Layers * layer + vocabulary * d * (m.TieEmbeddings ? 1 : 2) + tables + 2 * d;
    }

    private static string Count(double n) => n switch
    {
        >= 1e9 => (n / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + " G",
        >= 1e6 => (n / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + " M",
        _ => n.ToString("N0", CultureInfo.InvariantCulture),
    };

    private static string Bytes(double n) => n switch
    {
        >= 1L << 40 => (n / (1L << 40)).ToString("0.#", CultureInfo.InvariantCulture) + " TiB",
        >= 1 << 30 => (n / (1 << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GiB",
        _ => (n / (1 << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
    };
}
