using ArithLab.Data.Batching;
using ArithLab.Data.Positions;
using ArithLab.Data.Tasks;
using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Tests.Training;

/// <summary>How data.coupled_max_position, data.coupled_max_offset, data.abacus_k_per_example and eval.abacus_offset reach the batches.</summary>
public sealed class PositionBoundsTests
{
    private static ExperimentData Data(string dataLines, int trainMax = 3, string positional = "coupled") => new(ConfigLoader.Parse($"""
        name: bounds
        task: {"{"}name: addition{"}"}
        data:
          format: {(positional == "abacus" ? "reversed-all" : "reversed-padded")}
          digits: {"{"}min: 1, max: {trainMax}{"}"}
        {dataLines}
        model: {"{"}positional: [{positional}]{"}"}
        eval:
          grid: {"{"}a: {"{"}min: 1, max: 6{"}"}, b: {"{"}min: 1, max: 6{"}"}{"}"}
        """, "bounds.yaml"));

    // Largest coupled id over many training batches: start + K + 1 of the row that reaches highest.
    private static int LargestTrainingId(ExperimentData data, int batches = 60)
    {
        var stream = data.TrainStream(seed: 3);
        var largest = 0;
        for (var i = 0; i < batches; i++)
        {
            var batch = stream.Next();
            largest = Math.Max(largest, batch.PositionIds[..(batch.Size * batch.Width)].Max());
        }
        return largest;
    }

    [Fact]
    public void Without_coupled_max_position_the_largest_id_is_the_training_lengths_summed_plus_4_plus_the_offset()
    {
        // 3 + 3 digits: 3 + 3 + 4 = 10; with an offset of 5, 15 (what the quickstart and earlier runs trained).
        Assert.Equal(10, Data("  positions: coupled").TrainPositions.CouplingMaxPosition);
        Assert.Equal(15, Data("  positions: coupled\n  coupled_max_offset: 5").TrainPositions.CouplingMaxPosition);
        Assert.Equal(10, LargestTrainingId(Data("  positions: coupled")));
    }

    [Fact]
    public void Coupled_max_position_is_the_largest_id_training_writes_as_in_chos_max_pos()
    {
        // Cho et al.'s rule for testing n digits: max_pos = n + 2; 3-digit training, 6-digit tests: 8.
        var data = Data("  positions: coupled\n  coupled_max_position: 8");
        Assert.Equal(8, data.TrainPositions.CouplingMaxPosition);
        Assert.Equal(8, LargestTrainingId(data));
        // 1 + 1 digits (K = 1) may start anywhere in [1, 8 − 1 − 1]: the smallest id of such a row reaches 6.
        var stream = data.TrainStream(seed: 5);
        var starts = new HashSet<int>();
        for (var i = 0; i < 200; i++)
        {
            var batch = stream.Next();
            for (var b = 0; b < batch.Size; b++)
            {
                if (batch.PromptLengths[b] == 4)
                {
                    starts.Add(batch.PositionIds[batch.Index(b, batch.PromptLengths[b] + 1 + 1)]); // carry digit: id start
                }
            }
        }
        Assert.Equal(Enumerable.Range(1, 6), starts.Order());
    }

    [Fact]
    public void Coupled_max_position_below_the_longest_training_example_is_refused()
    {
        // A 3 + 3 padded sum has K = 3, ids up to start + 4 with start >= 1: max_pos must be at least 5.
        var error = Assert.Throws<NotSupportedException>(() => Data("  positions: coupled\n  coupled_max_position: 4"));
        Assert.Contains("below 5", error.Message);
        Assert.Equal(5, Data("  positions: coupled\n  coupled_max_position: 5").TrainPositions.CouplingMaxPosition);
    }

    [Fact]
    public void Coupled_max_position_and_offset_together_are_refused()
    {
        var error = Assert.Throws<ConfigException>(() => Data("  positions: coupled\n  coupled_max_position: 20\n  coupled_max_offset: 3"));
        Assert.Contains("'data.coupled_max_offset' at bounds.yaml:8", error.Message);
        Assert.Contains("set one of them", error.Message);
    }

    private static ExperimentData AbacusWithEvalOffset(int offset) => new(ConfigLoader.Parse($"""
        name: offsets
        task: {"{"}name: addition{"}"}
        data: {"{"}format: reversed-all, digits: {"{"}min: 1, max: 3{"}"}, positions: abacus, abacus_max_k: 4{"}"}
        model: {"{"}positional: [abacus]{"}"}
        eval: {"{"}grid: {"{"}a: {"{"}min: 1, max: 6{"}"}, b: {"{"}min: 1, max: 6{"}"}{"}"}, abacus_offset: {offset}{"}"}
        """, "offsets.yaml"));

    [Fact]
    public void Eval_abacus_offset_adds_k_to_every_digit_id_at_evaluation_and_leaves_training_alone()
    {
        var plain = AbacusWithEvalOffset(0);
        var shifted = AbacusWithEvalOffset(7);
        var problem = ProblemFactory.Create(plain.Task, 4072, 915);
        var at0 = EvalEncoder.For(plain).Encode(problem).Request;
        var at7 = EvalEncoder.For(shifted).Encode(problem).Request;
        int[] Ids(GenerationRequest r) => [.. r.PromptPositions!, .. r.AnswerPositions!];
        // Digits are numbered 1, 2, ... per number (reversed: units first); every other token keeps id 0.
        Assert.Equal(Ids(at0).Select(id => id == 0 ? 0 : id + 7), Ids(at7));
        Assert.Contains(1, Ids(at0));
        // The CLI's --abacus-offset overrides the config's value the same way.
        Assert.Equal(Ids(at7), Ids(EvalEncoder.For(plain, abacusOffset: 7).Encode(problem).Request));
        // Training still draws k from [0, abacus_max_k]; the table has rows for the evaluation's k too.
        Assert.Equal(shifted.TrainStream(seed: 1).Next().PositionIds.ToArray(), plain.TrainStream(seed: 1).Next().PositionIds.ToArray());
        Assert.True(shifted.PositionTableSize >= plain.PositionTableSize + 3);
    }

    [Fact]
    public void Eval_abacus_offset_without_abacus_positions_is_refused_naming_the_key()
    {
        const string yaml = "name: x\ntask: {name: addition}\ndata: {format: reversed-padded, positions: coupled}\nmodel: {positional: [coupled]}\neval: {abacus_offset: 2}\n";
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "x.yaml"));
        Assert.Contains("'eval.abacus_offset' at x.yaml:5", error.Message);
        Assert.Contains("needs data.positions: abacus", error.Message);
    }

    [Fact]
    public void Abacus_k_per_example_reaches_the_training_positions_only()
    {
        var data = Data("  positions: abacus\n  abacus_k_per_example: true", positional: "abacus");
        Assert.True(data.TrainPositions.AbacusOffsetPerExample);
        Assert.False(data.EvalPositions.Training);
        Assert.False(Data("  positions: abacus", positional: "abacus").TrainPositions.AbacusOffsetPerExample);
    }
}
