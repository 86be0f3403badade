using System.Numerics;

namespace ArithLab.Data.Tasks;

/// <summary>
/// A problem held as digits in reusable buffers: the fast, allocation-free twin of <see cref="Problem"/>.
/// Samplers fill it, formats write from it, and <see cref="ToProblem"/> turns it into the contract type.
/// </summary>
public sealed class DigitProblem
{
    private readonly List<DigitString> _operands = new();
    private readonly List<DigitString> _answers = new();
    private readonly DigitString _scratch = new();

    public TaskSpec Task { get; private set; } = TaskSpec.Addition;

    public int OperandCount { get; private set; }

    public int AnswerCount { get; private set; }

    /// <summary>Whether the (single) answer is negative; only signed subtraction makes such answers.</summary>
    public bool AnswerNegative { get; private set; }

    public DigitString Operand(int index) => index >= 0 && index < OperandCount
        ? _operands[index]
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"the problem has {OperandCount} operands");

    /// <summary>The answer's magnitude; for sorting, the index-th number of the sorted list.</summary>
    public DigitString Answer(int index = 0) => index >= 0 && index < AnswerCount
        ? _answers[index]
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"the problem has {AnswerCount} answer numbers");

    /// <summary>Starts a problem of the task with <paramref name="operandCount"/> operands whose digits the caller then writes.</summary>
    public void Begin(TaskSpec task, int operandCount)
    {
        ArgumentNullException.ThrowIfNull(task);
        Task = task;
        OperandCount = operandCount;
        while (_operands.Count < operandCount)
        {
            _operands.Add(new DigitString());
        }
    }

    /// <summary>Swaps two operands' digit buffers (no copying).</summary>
    public void SwapOperands(int i, int j)
    {
        _ = Operand(i);
        _ = Operand(j);
        (_operands[i], _operands[j]) = (_operands[j], _operands[i]);
    }

    /// <summary>Computes the answer from the operands written since <see cref="Begin"/>.</summary>
    public void Solve()
    {
        AnswerNegative = false;
        switch (Task.Kind)
        {
            case TaskKind.Addition:
                SetAnswerCount(1);
                DigitArithmetic.Add(_operands[0], _operands[1], _answers[0]);
                break;
            case TaskKind.Subtraction:
                SetAnswerCount(1);
                if (DigitString.Compare(_operands[0], _operands[1]) >= 0)
                {
                    DigitArithmetic.Subtract(_operands[0], _operands[1], _answers[0]);
                }
                else
                {
                    if (!Task.SignedResults)
                    {
                        throw new InvalidOperationException("non-negative subtraction needs a ≥ b");
                    }

                    DigitArithmetic.Subtract(_operands[1], _operands[0], _answers[0]);
                    AnswerNegative = true;
                }

                break;
            case TaskKind.Multiplication:
                SetAnswerCount(1);
                DigitArithmetic.Multiply(_operands[0], _operands[1], _answers[0]);
                break;
            case TaskKind.MultiOperandAddition:
                SetAnswerCount(1);
                _answers[0].CopyFrom(_operands[0]);
                for (var i = 1; i < OperandCount; i++)
                {
                    _scratch.CopyFrom(_answers[0]);
                    DigitArithmetic.Add(_scratch, _operands[i], _answers[0]);
                }

                break;
            case TaskKind.ModularAddition:
                SetAnswerCount(1);
                var p = Task.Modulus;
                var sum = (DigitArithmetic.Mod(_operands[0], p) + DigitArithmetic.Mod(_operands[1], p)) % p;
                _answers[0].Set(sum);
                break;
            case TaskKind.Sorting:
                SetAnswerCount(OperandCount);
                for (var i = 0; i < OperandCount; i++)
                {
                    _answers[i].CopyFrom(_operands[i]);
                }

                // Insertion sort on buffers: lists are short, and it is stable and allocation-free.
                for (var i = 1; i < OperandCount; i++)
                {
                    for (var j = i; j > 0 && DigitString.Compare(_answers[j - 1], _answers[j]) > 0; j--)
                    {
                        (_answers[j - 1], _answers[j]) = (_answers[j], _answers[j - 1]);
                    }
                }

                break;
            default:
                throw new NotSupportedException($"task {Task.Kind} is not known to DigitProblem");
        }
    }

    /// <summary>Loads a contract <see cref="Problem"/> (operands and gold answer) into the digit buffers.</summary>
    public void Load(Problem problem, TaskSpec? task = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var spec = task ?? SpecFor(problem);
        Begin(spec, problem.Operands.Count);
        for (var i = 0; i < problem.Operands.Count; i++)
        {
            if (problem.Operands[i].Sign < 0)
            {
                throw new ArgumentException($"operand {i} is negative ({problem.Operands[i]}); tasks take non-negative operands", nameof(problem));
            }

            _operands[i].Set(problem.Operands[i]);
        }

        SetAnswerCount(problem.Answer.Count);
        AnswerNegative = false;
        for (var i = 0; i < problem.Answer.Count; i++)
        {
            var a = problem.Answer[i];
            if (a.Sign < 0)
            {
                if (problem.Answer.Count != 1)
                {
                    throw new ArgumentException("only a single answer may be negative", nameof(problem));
                }

                AnswerNegative = true;
                a = -a;
            }

            _answers[i].Set(a);
        }
    }

    public Problem ToProblem()
    {
        var operands = new BigInteger[OperandCount];
        for (var i = 0; i < OperandCount; i++)
        {
            operands[i] = _operands[i].ToBigInteger();
        }

        var answers = new BigInteger[AnswerCount];
        for (var i = 0; i < AnswerCount; i++)
        {
            answers[i] = _answers[i].ToBigInteger();
        }

        if (AnswerNegative)
        {
            answers[0] = -answers[0];
        }

        return new Problem(Task.Kind, operands, answers, Task.Kind == TaskKind.ModularAddition ? Task.Modulus : null);
    }

    private static TaskSpec SpecFor(Problem problem) => problem.Task switch
    {
        TaskKind.Subtraction => problem.Answer.Count == 1 && problem.Answer[0].Sign < 0 ? TaskSpec.SignedSubtraction : TaskSpec.Subtraction,
        TaskKind.ModularAddition => new TaskSpec(TaskKind.ModularAddition, Modulus: (int)(problem.Modulus ?? throw new ArgumentException("a modular addition problem needs its modulus", nameof(problem)))),
        TaskKind.MultiOperandAddition or TaskKind.Sorting => new TaskSpec(problem.Task, problem.Operands.Count),
        _ => new TaskSpec(problem.Task),
    };

    private void SetAnswerCount(int count)
    {
        AnswerCount = count;
        while (_answers.Count < count)
        {
            _answers.Add(new DigitString());
        }
    }
}
