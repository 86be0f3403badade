namespace ArithLab.Training.Loop;

/// <summary>
/// Exact match under teacher forcing: a row is right when the arg-max prediction is the target at
/// every scored position, the answer and its end token (<see cref="BatchTensors.AnswerTargets"/>).
/// Greedy decoding emits the same tokens up to a row's first error, so this is the greedy
/// exact-match rate at the cost of the forward pass the loss already made.
/// </summary>
public static class ExactMatch
{
    /// <param name="predicted">(N) arg-max token ids at <paramref name="positions"/>.</param>
    /// <param name="positions">(N) the flat positions b·W + t predicted; they must include every answer position.</param>
    /// <param name="answerTargets">(B·W) targets, <see cref="BatchTensors.IgnoreIndex"/> where not scored.</param>
    /// <returns>Rows whose every scored token is right.</returns>
    public static int CorrectRows(ReadOnlySpan<long> predicted, ReadOnlySpan<long> positions, ReadOnlySpan<long> answerTargets, int rows, int width)
    {
        if (predicted.Length != positions.Length || answerTargets.Length < rows * width)
        {
            throw new ArgumentException($"expected as many predictions as positions ({predicted.Length}, {positions.Length}) and {rows} × {width} targets, got {answerTargets.Length}");
        }
        var wrong = new bool[rows];
        var read = 0;
        for (var k = 0; k < positions.Length; k++)
        {
            var target = answerTargets[(int)positions[k]];
            if (target == BatchTensors.IgnoreIndex)
            {
                continue;
            }
            read++;
            wrong[positions[k] / width] |= predicted[k] != target;
        }
        // An answer position without a prediction would pass unread.
        var answers = 0;
        foreach (var t in answerTargets[..(rows * width)])
        {
            answers += t == BatchTensors.IgnoreIndex ? 0 : 1;
        }
        if (read != answers)
        {
            throw new ArgumentException($"the predicted positions cover {read} of the {answers} answer positions");
        }
        return rows - wrong.Count(w => w);
    }
}
