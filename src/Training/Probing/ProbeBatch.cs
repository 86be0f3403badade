using System.Numerics;
using ArithLab.Data;
using ArithLab.Data.Batching;
using ArithLab.Data.Positions;
using ArithLab.Data.Tasks;
using ArithLab.Torch;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Probing;

/// <summary>
/// Problems laid out for probing a run's model: whole sequences (BOS, prompt, answer, EOS, as in
/// teacher forcing) with the run's evaluation position ids, and, per token, which operand digit of
/// which place value sits there. Column c's logits predict the token at column c + 1, so the answer's
/// first token is predicted at column <see cref="AnswerStart"/>(b) − 1.
/// </summary>
public sealed class ProbeBatch
{
    private readonly Batch _batch;
    private readonly IReadOnlyList<FormattedExample> _examples;

    private ProbeBatch(ExperimentData data, IReadOnlyList<Problem> problems, IReadOnlyList<FormattedExample> examples, Batch batch)
    {
        Data = data;
        Problems = problems;
        _examples = examples;
        _batch = batch;
    }

    public ExperimentData Data { get; }

    public IReadOnlyList<Problem> Problems { get; }

    public int Size => _batch.Size;

    public int Width => _batch.Width;

    public static ProbeBatch Of(ExperimentData data, IReadOnlyList<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("no problems to probe", nameof(problems));
        }
        var examples = problems.Select(data.Format.Format).ToList();
        var longest = examples.Max(e => e.Prompt.Count + e.Target.Count) + 2;
        // Evaluation ids without the training cap on coupled ids, as the grid evaluator uses them (probes go beyond training lengths too).
        var options = data.BatchOptions(examples.Count, training: false) with
        {
            MaxLength = longest,
            Positions = data.EvalPositions with { CouplingMaxPosition = int.MaxValue / 2 },
        };
        var batch = BatchStream.Pack(examples, data.Vocabulary, options, seed: 0);
        return new ProbeBatch(data, problems, examples, batch);
    }

    /// <summary>Token ids (B, W), PAD after each sequence.</summary>
    public Tensor Ids(Device? device = null) => ToTensor(_batch.TokenIds, device);

    /// <summary>Position ids (B, W) when the run's data writes them (Abacus, coupled, absolute), else null.</summary>
    public Tensor? Positions(Device? device = null) =>
        Data.EvalPositions.Scheme == PositionScheme.None ? null : ToTensor(_batch.PositionIds, device);

    public int TokenId(int row, int column) => _batch.TokenIds[_batch.Index(row, column)];

    public int PositionId(int row, int column) => _batch.PositionIds[_batch.Index(row, column)];

    /// <summary>The column of the answer's first token in row b.</summary>
    public int AnswerStart(int row) => _batch.PromptLengths[row] + 1;

    /// <summary>The token at a column: column 0 is BOS, then the prompt and the answer.</summary>
    public FormattedToken? Token(int row, int column)
    {
        var e = _examples[row];
        var i = column - 1;
        return i < 0 ? null : i < e.Prompt.Count ? e.Prompt[i] : i - e.Prompt.Count < e.Target.Count ? e.Target[i - e.Prompt.Count] : null;
    }

    /// <summary>Per column of row b: the place value of the operand digit there, −1 for anything else.</summary>
    public int[] OperandSignificance(int row) =>
        Enumerable.Range(0, _batch.Width).Select(c => Token(row, c) is { } t && c < AnswerStart(row) && t.IsDigit ? t.Significance : -1).ToArray();

    /// <summary>Answer digits of row b as (column whose logits predict it, its place value).</summary>
    public IReadOnlyList<(int Column, int Significance)> AnswerDigits(int row)
    {
        var start = AnswerStart(row);
        return Enumerable.Range(start, _examples[row].Target.Count)
            .Select(c => (Column: c - 1, Token: Token(row, c)!.Value))
            .Where(p => p.Token.Significance >= 0)
            .Select(p => (p.Column, p.Token.Significance))
            .ToArray();
    }

    /// <summary>The column of the last written digit (or the one token) of operand <paramref name="operand"/> in row b.</summary>
    public int OperandEnd(int row, int operand)
    {
        var e = _examples[row];
        var last = -1;
        for (var i = 0; i < e.Prompt.Count; i++)
        {
            if (e.Prompt[i].Number == operand)
            {
                last = i;
            }
        }
        if (last < 0 && Data.Task.Kind == TaskKind.ModularAddition)
        {
            // A residue is one token "<r>" outside digit numbering: operands sit at prompt tokens 0 and 2.
            last = 2 * operand;
        }
        return last < 0 ? throw new InvalidOperationException($"the prompt of row {row} has no operand {operand}") : last + 1;
    }

    private Tensor ToTensor(int[] values, Device? device)
    {
        var (b, w) = (_batch.Size, _batch.Width);
        var longs = new long[b * w];
        for (var i = 0; i < longs.Length; i++)
        {
            longs[i] = values[_batch.Index(i / w, i % w)];
        }
        var t = Tensor.From(longs, b, w);
        if (device is null || device.Value.Type == DeviceType.Cpu)
        {
            return t;
        }
        using (t)
        {
            return t.To(device.Value);
        }
    }

    /// <summary>Problems with every operand exactly <paramref name="digits"/> long (residues below the modulus for modular addition), seeded.</summary>
    public static IReadOnlyList<Problem> RandomProblems(ExperimentData data, int count, int digits, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        var random = new Random(seed);
        var task = data.Task;
        return Enumerable.Range(0, count).Select(_ => ProblemFactory.Create(task,
            Enumerable.Range(0, task.OperandCount).Select(_ => Operand(random, task, digits)).ToArray())).ToArray();
    }

    /// <summary>Operand a = 0…N−1 in order with the other operands fixed: rows indexed by a's value.</summary>
    public static IReadOnlyList<Problem> Sweep(ExperimentData data, int count, BigInteger b)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Enumerable.Range(0, count).Select(a => ProblemFactory.Create(data.Task, a, b)).ToArray();
    }

    private static BigInteger Operand(Random random, TaskSpec task, int digits)
    {
        if (task.Kind == TaskKind.ModularAddition)
        {
            return random.Next(task.Modulus);
        }
        var low = digits == 1 ? BigInteger.Zero : BigInteger.Pow(10, digits - 1);
        var high = BigInteger.Pow(10, digits);
        var span = high - low;
        var bytes = span.ToByteArray();
        random.NextBytes(bytes);
        bytes[^1] &= 0x7f;
        return low + new BigInteger(bytes) % span;
    }
}
