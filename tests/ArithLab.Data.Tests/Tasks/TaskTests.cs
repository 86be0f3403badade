using System.Numerics;
using ArithLab.Data.Tasks;

namespace ArithLab.Data.Tests.Tasks;

public sealed class TaskTests
{
    [Fact]
    public void Signed_subtraction_gives_a_negative_answer_when_b_exceeds_a()
    {
        var p = ProblemFactory.Create(TaskSpec.SignedSubtraction, 45, 123);
        Assert.Equal(new BigInteger(-78), p.Answer[0]);
    }

    [Fact]
    public void Unsigned_subtraction_rejects_a_below_b()
    {
        Assert.Throws<ArgumentException>(() => ProblemFactory.Create(TaskSpec.Subtraction, 45, 123));
    }

    [Fact]
    public void Multi_operand_addition_sums_every_operand()
    {
        var p = ProblemFactory.Create(TaskSpec.MultiOperandAddition(4), 1, 20, 300, 4000);
        Assert.Equal(new BigInteger(4321), p.Answer[0]);
    }

    [Fact]
    public void Sorting_answers_with_the_ascending_list()
    {
        var p = ProblemFactory.Create(TaskSpec.Sorting(4), 30, 4, 200, 4);
        Assert.Equal(new BigInteger[] { 4, 4, 30, 200 }, p.Answer);
    }

    [Fact]
    public void Modular_addition_wraps_at_the_modulus()
    {
        var p = ProblemFactory.Create(TaskSpec.ModularAddition(7), 5, 4);
        Assert.Equal(new BigInteger(2), p.Answer[0]);
        Assert.Equal(new BigInteger(7), p.Modulus);
    }

    [Fact]
    public void Modular_addition_rejects_operands_that_are_not_residues()
    {
        Assert.Throws<ArgumentException>(() => ProblemFactory.Create(TaskSpec.ModularAddition(7), 9, 1));
    }

    [Fact]
    public void DigitProblem_solves_like_BigInteger_for_every_task()
    {
        var specs = new[] { TaskSpec.Addition, TaskSpec.SignedSubtraction, TaskSpec.Multiplication, TaskSpec.MultiOperandAddition(3), TaskSpec.Sorting(3) };
        var values = new BigInteger[] { 987654321, 123456789987, 55 };
        foreach (var spec in specs)
        {
            var ops = values.Take(spec.OperandCount).ToArray();
            var expected = ProblemFactory.Create(spec, ops);
            var digits = new DigitProblem();
            digits.Begin(spec, ops.Length);
            for (var i = 0; i < ops.Length; i++)
            {
                digits.Operand(i).Set(ops[i]);
            }

            digits.Solve();
            Assert.Equal(expected.Answer, digits.ToProblem().Answer);
        }
    }

    [Fact]
    public void Registry_builds_every_named_task()
    {
        foreach (var name in TaskRegistry.Names)
        {
            Assert.NotNull(TaskRegistry.Get(name));
        }
    }

    [Fact]
    public void Registry_suggests_the_closest_task_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => TaskRegistry.Get("additon"));
        Assert.Contains("did you mean 'addition'", ex.Message, StringComparison.Ordinal);
    }
}
