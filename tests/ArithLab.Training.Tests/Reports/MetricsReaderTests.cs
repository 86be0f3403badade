using ArithLab.Training.Reports;

namespace ArithLab.Training.Tests.Reports;

public class MetricsReaderTests
{
    [Fact]
    public void Json_lines_give_one_series_per_numeric_field_at_the_logged_steps()
    {
        var series = MetricsReader.ParseJsonLines([
            """{"step": 0, "train_loss": 2.5, "lr": 0.001, "phase": "warmup"}""",
            """{"step": 50, "train_loss": 1.5, "lr": 0.001}""",
            """{"step": 100, "train_loss": 0.5, "lr": 0.001, "eval_accuracy": 0.25}""",
            """{"step": 150, "train_lo""",                                          // a line still being written
        ]);
        Assert.Equal(new[] { "train_loss", "lr", "eval_accuracy" }, series.Select(s => s.Name));
        var loss = series[0];
        Assert.Equal(new double[] { 0, 50, 100 }, loss.Steps);
        Assert.Equal(new[] { 2.5, 1.5, 0.5 }, loss.Values);
        Assert.Equal(new double[] { 100 }, series[2].Steps);
    }

    [Fact]
    public void Csv_columns_become_series_and_empty_cells_are_skipped()
    {
        var series = MetricsReader.ParseCsv(["step,train_loss,eval_accuracy", "10,0.9,", "20,0.4,0.5"]);
        Assert.Equal(new double[] { 10, 20 }, series.Single(s => s.Name == "train_loss").Steps);
        Assert.Equal(new double[] { 20 }, series.Single(s => s.Name == "eval_accuracy").Steps);
    }

    [Fact]
    public void Loss_goes_on_a_log_axis_and_accuracy_on_its_own_chart()
    {
        var series = MetricsReader.ParseJsonLines([
            """{"step": 0, "train_loss": 2.0, "eval_accuracy": 0.1}""",
            """{"step": 1, "train_loss": 0.02, "eval_accuracy": 0.9}""",
        ]);
        var loss = RunCurves.Loss(series)!;
        Assert.Equal(Plots.AxisScale.Log10, loss.Options.Y.Scale);
        Assert.Equal(new[] { "train_loss" }, loss.Series.Select(s => s.Name));
        Assert.Equal(new[] { "eval_accuracy" }, RunCurves.Accuracy(series)!.Series.Select(s => s.Name));
        Assert.Null(RunCurves.Accuracy(series.Where(s => s.Name != "eval_accuracy").ToList()));
    }
}
