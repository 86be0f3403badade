using ArithLab.Training.Config;
using ArithLab.Training.Runs;

namespace ArithLab.Training.Tests.Training;

public class MetricsLogTests
{
    [Fact]
    public void A_half_written_last_json_line_is_dropped()
    {
        var records = MetricsLog.Parse(["""{"step": 1, "loss": 0.5}""", """{"step": 2, "lo"""], LogFormat.Jsonl);
        Assert.Single(records);
        Assert.Equal(0.5, records[0]["loss"]);
    }

    [Fact]
    public void A_half_written_last_csv_line_is_dropped()
    {
        var records = MetricsLog.Parse(["step,loss,lr", "1,0.5,0.001", "2,0.4"], LogFormat.Csv);
        Assert.Single(records);
        Assert.Equal(0.001, records[0]["lr"]);
    }

    [Fact]
    public void A_bad_line_before_the_last_is_corruption()
    {
        var e = Assert.Throws<FormatException>(() => MetricsLog.Parse(["""{"step": 1""", """{"step": 2, "loss": 0.4}"""], LogFormat.Jsonl));
        Assert.Contains("line 1", e.Message);
    }

    [Fact]
    public void Empty_cells_and_non_numbers_read_as_null()
    {
        var csv = MetricsLog.Parse(["step,loss,eval_accuracy", "10,0.9,"], LogFormat.Csv);
        Assert.Null(csv[0]["eval_accuracy"]);
        var json = MetricsLog.Parse(["""{"step": 0, "loss": null, "phase": "warmup"}"""], LogFormat.Jsonl);
        Assert.Null(json[0]["loss"]);
        Assert.Null(json[0]["phase"]);
    }

    [Fact]
    public void Opening_for_a_resume_keeps_lines_through_the_step_and_drops_a_cut_off_last_line()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("arithlab-metrics-").FullName, "metrics.jsonl");
        File.WriteAllText(path, "{\"step\": 10, \"loss\": 1}\n{\"step\": 20, \"loss\": 0.5}\n{\"step\": 30, \"loss\": 0.25}\n{\"step\": 40, \"lo");

        using (var log = MetricsLog.Open(path, LogFormat.Jsonl, keepThroughStep: 20))
        {
            Assert.Equal("{\"step\": 40, \"lo", log.DroppedPartialLine);
        }

        Assert.Equal(new double?[] { 10, 20 }, MetricsLog.Read(path).Select(r => r["step"]));
    }

    [Fact]
    public void Opening_for_a_resume_refuses_a_damaged_line_before_the_last_naming_it()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("arithlab-metrics-").FullName, "metrics.jsonl");
        var text = "{\"step\": 10}\n{\"step\": 2\n{\"step\": 30}\n";
        File.WriteAllText(path, text);

        var e = Assert.Throws<InvalidDataException>(() => MetricsLog.Open(path, LogFormat.Jsonl, keepThroughStep: 30));

        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(path));
    }
}
