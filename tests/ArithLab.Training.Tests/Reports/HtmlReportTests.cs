using System.Xml.Linq;
using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Runs;
using ArithLab.Training.Reports;

namespace ArithLab.Training.Tests.Reports;

public class HtmlReportTests : IDisposable
{
    private readonly string _run = Path.Combine(Path.GetTempPath(), "arithlab-report-" + Guid.NewGuid().ToString("N"));

    public HtmlReportTests()
    {
        Directory.CreateDirectory(_run);
        var config = new ExperimentConfig { Name = "a<b & \"c\"", Description = "</pre><script>alert(1)</script>" };
        ConfigWriter.Save(config, Path.Combine(_run, "config.resolved.yaml"));
        File.WriteAllLines(Path.Combine(_run, "metrics.jsonl"), [
            """{"step": 0, "train_loss": 2.0, "eval_accuracy": 0.0}""",
            """{"step": 100, "train_loss": 0.1, "eval_accuracy": 0.8}""",
        ]);
        var settings = new EvalSettings { GridA = new DigitRange(1, 3), GridB = new DigitRange(1, 3), PerCell = 2 };
        var cells = Enumerable.Range(1, 3).SelectMany(a => Enumerable.Range(1, 3).Select(b => new CellResult(a, b, 2, a == 1 ? 2 : 1))).ToList();
        var result = new EvalResult
        {
            Settings = settings, Task = "Addition", Format = "reversed", Grid = cells, Beyond = [], Carries = [new CarryResult(0, 10, 7)],
            Failures = [new("the answer does not end with the closing '$'", 3)],
        };
        EvalFiles.Write(result, Path.Combine(_run, "eval"));
        EvalFiles.Write(result with { Settings = settings with { Recurrences = 8 } }, Path.Combine(_run, "eval", "recurrences-8"));
        File.WriteAllText(Path.Combine(_run, "eval", "held_out.json"), "{\"step\": 600, \"exact_match\": 0.028, \"problems\": 500}");
    }

    public void Dispose() => Directory.Delete(_run, recursive: true);

    private XDocument Report()
    {
        RunReport.Write(RunTarget.Resolve(_run, needCheckpoint: false));
        var html = File.ReadAllText(Path.Combine(_run, HtmlReport.FileName));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        return XDocument.Parse(html["<!DOCTYPE html>".Length..]);
    }

    // The PNG bytes of each embedded image, in page order.
    private static List<byte[]> EmbeddedPngs(XDocument doc) =>
        doc.Descendants("img").Select(i => (string)i.Attribute("src")!)
            .Select(src =>
            {
                Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal);
                return Convert.FromBase64String(src["data:image/png;base64,".Length..]);
            })
            .ToList();

    [Fact]
    public void The_report_embeds_curves_and_heatmaps_as_the_pngs_written_beside_it()
    {
        var pngs = EmbeddedPngs(Report());
        // loss, accuracy, and one heatmap per eval folder.
        Assert.Equal(4, pngs.Count);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_run, "plots", "loss.png")), pngs[0]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_run, "plots", "accuracy.png")), pngs[1]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_run, "eval", "heatmap.png")), pngs[2]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_run, "eval", "recurrences-8", "heatmap.png")), pngs[3]);
        Assert.True(File.Exists(Path.Combine(_run, "plots", "loss.svg")));
    }

    [Fact]
    public void The_report_holds_the_resolved_config_with_everything_escaped()
    {
        var doc = Report();
        var config = doc.Descendants("pre").Single(p => (string?)p.Attribute("class") == "config").Value;
        Assert.Equal(File.ReadAllText(Path.Combine(_run, "config.resolved.yaml")), config);
        Assert.Contains("</pre><script>", config, StringComparison.Ordinal);
        Assert.Empty(doc.Descendants("script"));
    }

    [Fact]
    public void The_report_has_no_external_asset()
    {
        var doc = Report();
        var links = doc.Descendants().SelectMany(e => e.Attributes())
            .Where(a => a.Name.LocalName is "src" or "href")
            .Select(a => a.Value);
        Assert.All(links, l => Assert.True(l.StartsWith('#') || l.StartsWith("data:", StringComparison.Ordinal), l));
    }

    [Fact]
    public void Each_eval_folder_gets_its_summary_table()
    {
        var doc = Report();
        Assert.Equal(new[] { "eval", "eval/recurrences-8" }, doc.Descendants("h3").Select(h => h.Value));
        var cells = doc.Descendants("td").Select(td => td.Value).ToList();
        Assert.Contains("the answer does not end with the closing '$'", cells);
        // In-distribution is a, b ≤ 3 by default: 3 cells of 2/2 and 6 of 1/2 → 12 of 18.
        Assert.Contains("66.7%", cells);
        Assert.Contains("0.028", cells);
    }
}
