using ArithLab.Training.Runs;
using ArithLab.Training.Tests.Evaluation;

namespace ArithLab.Training.Tests.Runs;

public class RunTargetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "arithlab-runtarget-" + Guid.NewGuid().ToString("N"));

    public RunTargetTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_missing_path_is_reported_by_name()
    {
        var missing = Path.Combine(_folder, "no-such-run");
        var e = Assert.Throws<RunDirectoryException>(() => RunTarget.Resolve(missing));
        Assert.Equal($"no run directory or checkpoint at '{missing}'", e.Message);
    }

    [Fact]
    public void A_folder_without_a_config_is_not_a_run_directory()
    {
        var e = Assert.Throws<RunDirectoryException>(() => RunTarget.Resolve(_folder));
        Assert.Contains("is not a run directory", e.Message);
        Assert.Contains("config.resolved.yaml", e.Message);
    }

    [Fact]
    public void A_run_without_checkpoints_fails_for_eval_but_not_for_plots()
    {
        File.WriteAllText(Path.Combine(_folder, "config.resolved.yaml"), "name: x\n");
        var e = Assert.Throws<RunDirectoryException>(() => RunTarget.Resolve(_folder));
        Assert.Contains("has no checkpoint", e.Message);
        Assert.Null(RunTarget.Resolve(_folder, needCheckpoint: false).Step);
    }

    [Fact]
    public void A_checkpoint_folder_or_its_model_file_names_its_run_and_step()
    {
        ModelEvaluationTests.SaveUntrainedRun(ModelEvaluationTests.Tiny(), _folder, step: 1200);
        var step = Path.Combine(_folder, "checkpoints", "step-001200");
        foreach (var path in new[] { step, Path.Combine(step, "model.safetensors") })
        {
            var target = RunTarget.Resolve(path);
            Assert.Equal(Path.GetFullPath(_folder), target.Run.Path);
            Assert.Equal(1200, target.Step);
        }
        Assert.Null(RunTarget.Resolve(_folder).Step);
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_is_refused()
    {
        var file = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(file, "");
        Assert.Contains("not a checkpoint", Assert.Throws<RunDirectoryException>(() => RunTarget.Resolve(file)).Message);
    }
}
