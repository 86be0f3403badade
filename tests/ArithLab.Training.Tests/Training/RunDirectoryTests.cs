using ArithLab.Training.Config;
using ArithLab.Training.Runs;

namespace ArithLab.Training.Tests.Training;

[Collection(TrainingStateCollection.Name)]
public sealed class RunDirectoryTests
{
    [Fact]
    public void A_run_is_named_by_name_science_hash_and_seed_and_holds_its_resolved_config()
    {
        using var tiny = new TinyRun();
        var run = tiny.Create();
        var hash = ConfigHash.Of(tiny.Config);
        Assert.Equal(Path.Combine(tiny.Root, $"tiny-{hash[..12]}-s7"), run.Path);
        Assert.Equal(tiny.Config, run.LoadConfig());
        Assert.Equal("7", File.ReadAllText(run.SeedPath).Trim());
        Assert.Contains("libtorch", File.ReadAllText(run.VersionPath), StringComparison.Ordinal);
        Assert.True(Directory.Exists(run.CheckpointsPath));
    }

    [Fact]
    public void A_folder_with_a_checkpoint_is_not_trained_over()
    {
        using var tiny = new TinyRun(c => c with { Train = c.Train with { Steps = 2, WarmupSteps = 1 } });
        var run = tiny.Create();
        tiny.Train(run, heldOut: 20);
        var error = Assert.Throws<InvalidOperationException>(() => tiny.Create());
        Assert.Contains("--resume", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_of_steps_after_a_checkpoint_are_dropped_when_the_run_resumes()
    {
        var folder = Directory.CreateTempSubdirectory("arithlab-metrics-").FullName;
        try
        {
            foreach (var format in new[] { LogFormat.Jsonl, LogFormat.Csv })
            {
                var path = Path.Combine(folder, format == LogFormat.Csv ? "m.csv" : "m.jsonl");
                using (var log = MetricsLog.Open(path, format))
                {
                    for (var s = 1; s <= 5; s++)
                    {
                        log.Write(new StepMetrics { Step = s, Loss = 1.0 / s, HeldOutExactMatch = s == 5 ? 0.5 : null });
                    }
                }
                using (MetricsLog.Open(path, format, keepThroughStep: 3))
                {
                }
                var records = MetricsLog.Read(path);
                Assert.Equal([1.0, 2.0, 3.0], records.Select(r => r["step"]!.Value));
                Assert.Equal(1.0 / 3, records[2]["loss"]!.Value);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
