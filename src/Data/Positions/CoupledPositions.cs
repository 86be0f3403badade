using ArithLab.Data.Sampling;

namespace ArithLab.Data.Positions;

/// <summary>
/// Coupled position ids (Cho et al. 2024, "Position Coupling: Improving Length Generalization of
/// Arithmetic Transformers Using Task Structure"; reference: github.com/HanseulJo/position-coupling,
/// src/data/addition.py and multiplication.py). A digit of significance s gets id start + K − s,
/// where K is the highest significance the answer can have, so the units digits of every operand
/// and of the answer share start + K. Every other token of the example ('+', '×', '=') gets
/// start + K + 1; BOS, EOS and PAD get 0 (written by the batcher). Index hints (Number −1,
/// Significance ≥ 0) share the id of the digit they announce.
/// </summary>
public static class CoupledPositions
{
    /// <summary>
    /// K, the highest significance the answer can have: for multiplication the sum of the operand
    /// lengths minus one (the paper's N×2 coupling right-aligns operands and answer the same way);
    /// otherwise the longest operand's length (room for a carry). Never below the answer's own
    /// highest significance.
    /// </summary>
    public static int TopSignificance(ReadOnlySpan<int> numbers, ReadOnlySpan<int> significances, int promptLength, TaskKind task)
    {
        if (numbers.Length != significances.Length || promptLength < 0 || promptLength > numbers.Length)
        {
            throw new ArgumentException($"numbers ({numbers.Length}) and significances ({significances.Length}) must describe the same tokens and contain the prompt ({promptLength})");
        }
        var longestOperand = 0;
        var operandLengthSum = 0;
        var currentNumber = -1;
        var currentLength = 0;
        for (var i = 0; i < promptLength; i++)
        {
            if (numbers[i] < 0 || significances[i] < 0)
            {
                continue;
            }
            if (numbers[i] != currentNumber)
            {
                operandLengthSum += currentLength;
                currentNumber = numbers[i];
                currentLength = 0;
            }
            currentLength = Math.Max(currentLength, significances[i] + 1);
            longestOperand = Math.Max(longestOperand, significances[i] + 1);
        }
        operandLengthSum += currentLength;
        var answerTop = -1;
        for (var i = promptLength; i < numbers.Length; i++)
        {
            if (significances[i] >= 0)
            {
                answerTop = Math.Max(answerTop, significances[i]);
            }
        }
        var top = task == TaskKind.Multiplication ? operandLengthSum - 1 : longestOperand;
        return Math.Max(Math.Max(top, answerTop), 0);
    }

    /// <summary>
    /// The starting id: 1 at evaluation; while training uniform over [1, maxPosition − K − 1],
    /// so that every id (up to start + K + 1) stays within [1, maxPosition].
    /// </summary>
    public static int DrawStart(SeededRandom random, PositionOptions options, int topSignificance)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(options);
        var highestStart = options.CouplingMaxPosition - topSignificance - 1;
        if (highestStart < 1)
        {
            throw new ArgumentException(
                $"a coupled example with answer significance up to {topSignificance} needs ids up to {topSignificance + 2}, " +
                $"but CouplingMaxPosition is {options.CouplingMaxPosition}", nameof(options));
        }
        return options.Training ? random.NextInt(1, highestStart) : 1;
    }

    /// <summary>Writes coupled ids for the example's tokens (prompt then target, no BOS/EOS).</summary>
    public static void Assign(ReadOnlySpan<int> numbers, ReadOnlySpan<int> significances, int topSignificance, int start, Span<int> ids)
    {
        if (numbers.Length != significances.Length || ids.Length < numbers.Length)
        {
            throw new ArgumentException($"numbers ({numbers.Length}), significances ({significances.Length}) and ids ({ids.Length}) must describe the same tokens");
        }
        if (start < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, "coupled ids start at 1 (0 is reserved for BOS, EOS and PAD)");
        }
        var units = start + topSignificance;
        for (var i = 0; i < numbers.Length; i++)
        {
            var s = significances[i];
            if (s > topSignificance)
            {
                throw new ArgumentException($"token {i} has significance {s}, above the top significance {topSignificance}", nameof(significances));
            }
            ids[i] = s >= 0 ? units - s : units + 1;
        }
    }
}
