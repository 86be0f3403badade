using ArithLab.Training.Sweeps;

namespace ArithLab.Training.Tests.Sweeps;

public sealed class SlurmScriptTests : SweepFolder
{
    [Theory]
    [InlineData(new[] { 0, 1, 2, 3 }, "0-3")]
    [InlineData(new[] { 7, 0, 2, 1, 9, 10 }, "0-2,7,9-10")]
    [InlineData(new[] { 5 }, "5")]
    public void Array_indices_are_written_as_slurm_ranges(int[] indices, string expected) =>
        Assert.Equal(expected, SlurmScript.ArraySpec(indices));

    [Fact]
    public void The_script_asks_for_what_the_sweep_file_and_flags_say()
    {
        var plan = SweepPlan.Load(WriteSweep("""
            name: lr
            base: base.yaml
            grid: {train.lr: [1e-3, 2e-3, 3e-3]}
            seeds: [0, 1]
            slurm:
              partition: gpu
              time: "02:00:00"
              gres: gpu:1
              cpus_per_task: 4
              max_parallel: 2
              extra: ["--account=lab", "--qos=low"]
            """));

        var script = SlurmScript.Build(plan.File, plan.File.Slurm, [0, 1, 2, 5], ["/usr/bin/dotnet", "/opt/arith lab/arithlab.dll"], "/work");
        var directives = script.Split('\n').Where(l => l.StartsWith("#SBATCH ", StringComparison.Ordinal)).Select(l => l[8..]).ToList();

        Assert.StartsWith("#!/bin/bash\n", script, StringComparison.Ordinal);
        Assert.Contains("--array=0-2,5%2", directives);
        Assert.Contains("--partition=gpu", directives);
        Assert.Contains("--time=02:00:00", directives);
        Assert.Contains("--gres=gpu:1", directives);
        Assert.Contains("--cpus-per-task=4", directives);
        Assert.Contains("--account=lab", directives);
        Assert.Contains("--qos=low", directives);
        Assert.Contains("--requeue", directives);
        Assert.Contains("--chdir=/work", directives);
        // Each task is a job step (so scancel --signal reaches it) running its own run of the plan;
        // a path with a space stays one word.
        Assert.Contains($"srun --ntasks=1 /usr/bin/dotnet '/opt/arith lab/arithlab.dll' sweep run {Path.GetFullPath(plan.File.Path)} --run \"$SLURM_ARRAY_TASK_ID\"", script, StringComparison.Ordinal);
        Assert.Contains("scontrol requeue", script, StringComparison.Ordinal);

        var noRequeue = SlurmScript.Build(plan.File, plan.File.Slurm with { Requeue = false }, [0], ["arithlab"], "/work");
        Assert.DoesNotContain("scontrol requeue", noRequeue, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --no-requeue\n", noRequeue, StringComparison.Ordinal);
    }
}
