using ArithLab.Data.Tasks;
using ArithLab.Plots;
using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;

namespace ArithLab.Training.Tests.Evaluation;

public class HeatmapTests
{
    private static EvalResult Result(EvalSettings settings)
    {
        var cells = new List<CellResult>();
        for (var a = settings.GridA.Min; a <= settings.GridA.Max; a++)
        {
            for (var b = settings.GridB.Min; b <= settings.GridB.Max; b++)
            {
                cells.Add(new CellResult(a, b, 10, a + b <= 6 ? 10 : 3));
            }
        }
        return new EvalResult { Settings = settings, Task = "Addition", Format = "plain", Grid = cells, Beyond = [], Carries = [], Failures = [] };
    }

    [Fact]
    public void Cells_colour_bar_and_title_are_all_in_percent()
    {
        var settings = new EvalSettings { GridA = new DigitRange(1, 4), GridB = new DigitRange(1, 4), TrainA = new DigitRange(1, 3), TrainB = new DigitRange(1, 3) };

        var map = GridHeatmap.Build(Result(settings));

        // The colour bar spans 0-100 and says so; a cell of 3 right out of 10 is written 30.
        Assert.Equal((0.0, 100.0), map.ValueRange());
        Assert.Contains("(%)", map.Options.Title, StringComparison.Ordinal);
        Assert.Contains("(%)", map.Options.ColorBarLabel, StringComparison.Ordinal);
        Assert.Equal("30", map.Options.CellText!(30.0));
    }

    [Fact]
    public void The_outline_spans_exactly_the_cells_of_the_training_lengths()
    {
        var settings = new EvalSettings { GridA = new DigitRange(1, 6), GridB = new DigitRange(2, 7), TrainA = new DigitRange(1, 3), TrainB = new DigitRange(1, 4) };
        var heatmap = GridHeatmap.Build(Result(settings));
        // Trained cells: a in 1..3 (rows 0..2), b in 2..4 (columns 0..2, as the grid starts at b = 2).
        Assert.Equal(new CellRegion(0, 0, 3, 3), heatmap.Options.Region);
    }

    [Fact]
    public void An_experiment_with_separate_a_and_b_ranges_outlines_their_rectangle()
    {
        // N×2 multiplication: a of 1-5 digits, b of 1-2, evaluated on a 1..8 × b 1..4 grid.
        var config = new ExperimentConfig
        {
            Name = "n-by-2",
            Task = new TaskConfig { Name = TaskName.Multiplication },
            Data = new DataConfig { DigitsA = new DigitRange(1, 5), DigitsB = new DigitRange(1, 2) },
            Eval = new EvalConfig { GridA = new DigitRange(1, 8), GridB = new DigitRange(1, 4) },
        };
        var settings = EvalSettings.From(config);
        Assert.Equal(new DigitRange(1, 5), settings.TrainA);
        Assert.Equal(new DigitRange(1, 2), settings.TrainB);
        Assert.True(settings.IsInDistribution(5, 2));
        Assert.False(settings.IsInDistribution(2, 3));
        Assert.False(settings.IsInDistribution(6, 1));
        // Trained cells: rows 0..4 (a = 1..5), columns 0..1 (b = 1..2).
        Assert.Equal(new CellRegion(0, 0, 5, 2), GridHeatmap.Build(Result(settings)).Options.Region);
    }

    [Fact]
    public void Rows_and_columns_are_labelled_by_length_and_cells_carry_percent()
    {
        var settings = new EvalSettings { GridA = new DigitRange(3, 5), GridB = new DigitRange(1, 2) };
        var heatmap = GridHeatmap.Build(Result(settings));
        Assert.Equal(new[] { "3", "4", "5" }, heatmap.Options.RowLabels);
        Assert.Equal(new[] { "1", "2" }, heatmap.Options.ColumnLabels);
        Assert.Equal("Addition, plain: exact match (%)", heatmap.Options.Title);
        // a + b ≤ 6 scores 10/10, else 3/10; row r is a = 3 + r, column c is b = 1 + c.
        foreach (var (row, column, text) in heatmap.CellTexts())
        {
            Assert.Equal(3 + row + 1 + column <= 6 ? "100" : "30", text);
        }
        Assert.Equal(6, heatmap.CellTexts().Count);
    }

    [Fact]
    public void A_grid_entirely_beyond_training_has_no_outline()
    {
        var settings = new EvalSettings { GridA = new DigitRange(5, 6), GridB = new DigitRange(5, 6) };
        Assert.Null(GridHeatmap.TrainingRegion(settings));
        Assert.Null(GridHeatmap.Build(Result(settings)).Options.Region);
    }

    [Fact]
    public void Writing_a_result_leaves_every_output_file_in_the_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "arithlab-eval-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = Result(new EvalSettings { GridA = new DigitRange(1, 2), GridB = new DigitRange(1, 2) });
            EvalFiles.Write(result, folder);
            Assert.Equal(
                new[] { "beyond.csv", "carries.csv", "grid.csv", "heatmap.png", "heatmap.svg", "mistakes.csv", "summary.json" },
                Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
            var id = json.RootElement.GetProperty("in_distribution");
            Assert.Equal(40, id.GetProperty("n").GetInt32());
            Assert.Equal(40, id.GetProperty("correct").GetInt32());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("out_of_distribution").GetProperty("accuracy").ValueKind);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
