using System.Numerics;
using System.Globalization;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;

namespace ArithLab.Data.Tests.Sampling;

public sealed class EvalSetsTests
{
    [Fact]
    public void Grid_has_one_cell_per_length_pair_with_n_distinct_test_problems()
    {
        var split = new SplitRule();
        var cells = EvalSets.Grid(TaskSpec.Addition, 2, 6, 20, seed: 1, split);
        Assert.Equal(25, cells.Count);
        foreach (var cell in cells)
        {
            Assert.Equal(20, cell.Problems.Count);
            Assert.Equal(20, cell.Problems.Select(p => (p.Operands[0], p.Operands[1])).Distinct().Count());
            Assert.All(cell.Problems, p =>
            {
                Assert.Equal(cell.LengthA, p.Operands[0].ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
                Assert.Equal(cell.LengthB, p.Operands[1].ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
                Assert.True(split.IsTest(p));
            });
        }
    }

    [Fact]
    public void A_cell_does_not_depend_on_the_grid_extent()
    {
        var small = EvalSets.Grid(TaskSpec.Addition, 1, 3, 10, seed: 5).Single(c => c.LengthA == 3 && c.LengthB == 2);
        var large = EvalSets.Grid(TaskSpec.Addition, 1, 8, 10, seed: 5).Single(c => c.LengthA == 3 && c.LengthB == 2);
        Assert.Equal(small.Problems.Select(p => p.Operands[0]), large.Problems.Select(p => p.Operands[0]));
    }

    [Fact]
    public void Tiny_cells_return_the_test_problems_they_have()
    {
        var split = new SplitRule(0.2);
        var cell = EvalSets.Grid(TaskSpec.Addition, 1, 1, 1000, seed: 2, split).Single();
        Assert.InRange(cell.Problems.Count, 1, 40);
        Assert.All(cell.Problems, p => Assert.True(split.IsTest(p)));
    }

    [Fact]
    public void Unsigned_subtraction_grid_skips_cells_where_a_is_shorter()
    {
        var cells = EvalSets.Grid(TaskSpec.Subtraction, 1, 4, 5, seed: 3);
        Assert.Equal(10, cells.Count);
        Assert.All(cells, c => Assert.True(c.LengthA >= c.LengthB));
    }

    [Fact]
    public void A_rectangular_grid_samples_exactly_its_cells_with_the_square_grids_problems()
    {
        var split = new SplitRule();
        var rectangle = EvalSets.Grid(TaskSpec.Multiplication, new LengthRange(2, 6), new LengthRange(1, 2), 8, seed: 6, split);
        var expected = Enumerable.Range(2, 5).SelectMany(la => new[] { (la, 1), (la, 2) }).ToList();
        Assert.Equal(expected, rectangle.Select(c => (c.LengthA, c.LengthB)));
        Assert.All(rectangle, cell => Assert.All(cell.Problems, p =>
        {
            Assert.Equal(cell.LengthA, p.Operands[0].ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
            Assert.Equal(cell.LengthB, p.Operands[1].ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
            Assert.True(split.IsTest(p));
        }));

        // The bounding square holds the same problems in the same cells.
        var square = EvalSets.Grid(TaskSpec.Multiplication, 1, 6, 8, seed: 6, split).Where(c => c.LengthA >= 2 && c.LengthB <= 2).ToList();
        Assert.Equal(square.Select(c => (c.LengthA, c.LengthB)), rectangle.Select(c => (c.LengthA, c.LengthB)));
        for (var i = 0; i < square.Count; i++)
        {
            Assert.Equal(square[i].Problems.Select(p => (p.Operands[0], p.Operands[1])), rectangle[i].Problems.Select(p => (p.Operands[0], p.Operands[1])));
        }
    }

    [Fact]
    public void An_empty_grid_range_is_rejected_with_a_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => EvalSets.Grid(TaskSpec.Addition, new LengthRange(1, 3), new LengthRange(2, 1), 5, seed: 7));
        Assert.Contains("grid b lengths need 1 ≤ min ≤ max", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_length_sets_reach_beyond_the_grid()
    {
        var sets = EvalSets.EqualLengths(TaskSpec.Addition, [25, 50, 100], 10, seed: 4);
        Assert.Equal(new[] { 25, 50, 100 }, sets.Select(s => s.LengthA));
        Assert.All(sets, s => Assert.All(s.Problems, p => Assert.Equal(s.LengthA, p.Operands[1].ToString(System.Globalization.CultureInfo.InvariantCulture).Length)));
    }

    [Fact]
    public void Fixed_b_sets_reach_beyond_the_grid_with_b_kept_short()
    {
        var split = new SplitRule(0.3);
        var sets = EvalSets.FixedB(TaskSpec.Multiplication, [30, 60], 2, 10, seed: 4, split);
        Assert.Equal(new[] { (30, 2), (60, 2) }, sets.Select(s => (s.LengthA, s.LengthB)));
        foreach (var s in sets)
        {
            Assert.Equal(10, s.Problems.Count);
            Assert.All(s.Problems, p =>
            {
                Assert.Equal(s.LengthA, BigInteger.Abs(p.Operands[0]).ToString(CultureInfo.InvariantCulture).Length);
                Assert.Equal(2, BigInteger.Abs(p.Operands[1]).ToString(CultureInfo.InvariantCulture).Length);
                Assert.Equal(p.Operands[0] * p.Operands[1], Assert.Single(p.Answer));
                Assert.True(split.IsTest(p));
            });
        }
        // The same problems as the grid cell (30, 2): a set beyond the grid is that cell, sampled alone.
        var cell = EvalSets.Grid(TaskSpec.Multiplication, new LengthRange(30, 30), new LengthRange(2, 2), 10, seed: 4, split).Single();
        Assert.Equal(cell.Problems.Select(p => p.Operands[0]), sets[0].Problems.Select(p => p.Operands[0]));
    }

    [Fact]
    public void Fixed_b_sets_skip_a_shorter_than_b_under_subtraction_and_refuse_tasks_without_b()
    {
        var sets = EvalSets.FixedB(TaskSpec.Subtraction, [3, 8], 5, 4, seed: 1);
        Assert.Equal(new[] { 8 }, sets.Select(s => s.LengthA));
        Assert.All(sets[0].Problems, p => Assert.True(p.Operands[0] >= p.Operands[1]));
        Assert.Throws<ArgumentException>(() => EvalSets.FixedB(TaskSpec.MultiOperandAddition(3), [8], 2, 4, seed: 1));
    }
}
