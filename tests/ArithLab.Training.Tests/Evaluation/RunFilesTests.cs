using ArithLab.Training.Evaluation;

namespace ArithLab.Training.Tests.Evaluation;

public class RunFilesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "arithlab-runfiles-" + Guid.NewGuid().ToString("N"));

    public RunFilesTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_missing_path_is_reported_by_name()
    {
        var missing = Path.Combine(_folder, "no-such-run");
        var e = Assert.Throws<RunDirectoryException>(() => RunFiles.Find(missing));
        Assert.Equal($"no run directory or checkpoint at '{missing}'", e.Message);
    }

    [Fact]
    public void A_folder_without_a_config_is_not_a_run_directory()
    {
        var e = Assert.Throws<RunDirectoryException>(() => RunFiles.Find(_folder));
        Assert.Contains("is not a run directory", e.Message);
        Assert.Contains("config.resolved.yaml", e.Message);
    }

    [Fact]
    public void A_run_without_checkpoints_fails_for_eval_but_not_for_plots()
    {
        File.WriteAllText(Path.Combine(_folder, "config.resolved.yaml"), "name: x\n");
        var e = Assert.Throws<RunDirectoryException>(() => RunFiles.Find(_folder));
        Assert.Contains("has no checkpoint", e.Message);
        Assert.Null(RunFiles.Find(_folder, needCheckpoint: false).CheckpointPath);
    }

    [Fact]
    public void The_checkpoint_with_the_highest_step_is_chosen_and_a_checkpoint_file_names_its_run()
    {
        File.WriteAllText(Path.Combine(_folder, "config.resolved.yaml"), "name: x\n");
        var checkpoints = Directory.CreateDirectory(Path.Combine(_folder, "checkpoints")).FullName;
        foreach (var step in new[] { "step-000900", "step-001200", "step-000100" })
        {
            File.WriteAllText(Path.Combine(checkpoints, step + ".safetensors"), "");
        }
        Assert.Equal(Path.Combine(checkpoints, "step-001200.safetensors"), RunFiles.Find(_folder).CheckpointPath);
        var chosen = RunFiles.Find(Path.Combine(checkpoints, "step-000100.safetensors"));
        Assert.Equal(Path.GetFullPath(_folder), chosen.RunDirectory);
        Assert.Equal(Path.Combine(checkpoints, "step-000100.safetensors"), chosen.CheckpointPath);
    }
}
