using ArithLab.Data;
using ArithLab.Models;
using ArithLab.Models.Generation;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Training.Families;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// Greedy decoding of a model as an <see cref="IAnswerGenerator"/>: with the KV cache when the
/// model has one (plain and looped transformers), else rerunning the whole prefix each step. Requests are decoded in groups of equal prompt length, so no row is
/// padded and every position id is the one the row would get alone.
/// </summary>
public sealed class ModelAnswerGenerator : IAnswerGenerator
{
    private readonly ICachedLanguageModel? _cached;
    private readonly ICausalLanguageModel _model;
    private readonly Device _device;

    public ModelAnswerGenerator(ICausalLanguageModel model, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        _cached = model as ICachedLanguageModel;
        _model = model;
        _device = device;
    }

    /// <summary>
    /// The generator for a trained network, as its family answers (<see cref="IModelAdapter.AnswerGenerator"/>);
    /// a looped one runs <paramref name="recurrences"/> passes of its core, its trained value when null.
    /// </summary>
    public static IAnswerGenerator For(Module model, Device device, int? recurrences = null) =>
        ModelAdapters.For(model).AnswerGenerator(device, recurrences);

    public IReadOnlyList<int[]> Generate(IReadOnlyList<GenerationRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var answers = new int[requests.Count][];
        var groups = Enumerable.Range(0, requests.Count)
            .GroupBy(i => (requests[i].PromptIds.Length, requests[i].PromptPositions is not null));
        foreach (var group in groups)
        {
            var rows = group.ToArray();
            var generated = GenerateGroup(rows.Select(i => requests[i]).ToArray());
            for (var r = 0; r < rows.Length; r++)
            {
                answers[rows[r]] = generated[r];
            }
        }
        return answers;
    }

    private int[][] GenerateGroup(GenerationRequest[] group)
    {
        var (B, T0) = (group.Length, group[0].PromptIds.Length);
        var maxNew = group.Max(g => g.MaxNewTokens);
        using var scope = DisposeScope.Begin();
        var ids = Tensor.From(Flatten(group, g => g.PromptIds), B, T0).To(_device);                      // (B, T0)
        Tensor? positions = null;
        NextPositionIds? next = null;
        if (group[0].PromptPositions is not null)
        {
            positions = Tensor.From(Flatten(group, g => g.PromptPositions!), B, T0).To(_device);          // (B, T0)
            next = tokensSoFar =>
            {
                // The newest token is generated token number t − 1 − T0 (0-based) of every row.
                var index = (int)tokensSoFar.Size(1) - 1 - T0;
                var column = new long[B];
                for (var b = 0; b < B; b++)
                {
                    column[b] = group[b].AnswerPosition(index);
                }
                return Tensor.From(column, B, 1).To(_device);                                            // (B, 1)
            };
        }
        var options = new GreedyOptions { PromptPositionIds = positions, NextPositionIds = next, StopToken = Vocabulary.EosId };
        var output = _cached is not null
            ? GreedyDecoder.Generate(_cached, ids, maxNew, options)
            : GreedyDecoder.GenerateUncached(_model, ids, maxNew, options);                               // (B, T0 + n)
        var width = (int)output.Size(1);
        var flat = output.ToArray<long>();
        var result = new int[B][];
        for (var b = 0; b < B; b++)
        {
            var row = new List<int>();
            for (var t = T0; t < width && row.Count < group[b].MaxNewTokens; t++)
            {
                var token = (int)flat[b * width + t];
                row.Add(token);
                if (token == Vocabulary.EosId)
                {
                    break;
                }
            }
            result[b] = row.ToArray();
        }
        return result;
    }

    private static long[] Flatten(GenerationRequest[] group, Func<GenerationRequest, int[]> field)
    {
        var T = field(group[0]).Length;
        var flat = new long[group.Length * T];
        for (var b = 0; b < group.Length; b++)
        {
            var row = field(group[b]);
            for (var t = 0; t < T; t++)
            {
                flat[b * T + t] = row[t];
            }
        }
        return flat;
    }
}
