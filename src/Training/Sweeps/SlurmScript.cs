using System.Globalization;
using System.Text;

namespace ArithLab.Training.Sweeps;

/// <summary>
/// The `sbatch` script of a sweep: one job-array task per run, the task id being the run's index in
/// the plan (https://slurm.schedmd.com/job_array.html). Each task runs `arithlab sweep run --run
/// $SLURM_ARRAY_TASK_ID` as a job step (srun), so `scancel --signal=TERM` and pre-emption reach it;
/// the run checkpoints, and with requeue on the task puts itself back in the queue and resumes.
/// `--signal=TERM@120` asks for the same two minutes before the time limit.
/// </summary>
public static class SlurmScript
{
    public static string Build(SweepFile file, SlurmOptions options, IReadOnlyList<int> indices, IReadOnlyList<string> command, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(command);
        if (indices.Count == 0)
        {
            throw new ArgumentException("a job array needs at least one run", nameof(indices));
        }
        var logs = Path.GetFullPath(Path.Combine(workingDirectory, file.SweepFolder, "slurm"));
        var sb = new StringBuilder("#!/bin/bash\n");
        void Line(string option) => sb.Append("#SBATCH ").Append(option).Append('\n');
        Line($"--job-name=arithlab-{file.Name.Value}");
        Line($"--array={ArraySpec(indices)}" + (options.MaxParallel is { } cap ? "%" + Int(cap) : ""));
        Line($"--output={logs}/%A_%a.out");
        Line($"--chdir={workingDirectory}");
        Line("--ntasks=1");
        Line("--open-mode=append"); // a requeued task adds to its log
        if (options.Partition is { } partition) Line($"--partition={partition}");
        if (options.Time is { } time) Line($"--time={time}");
        if (options.Gres is { } gres) Line($"--gres={gres}");
        if (options.CpusPerTask is { } cpus) Line($"--cpus-per-task={Int(cpus)}");
        Line("--signal=TERM@120");
        Line(options.Requeue ? "--requeue" : "--no-requeue");
        foreach (var extra in options.Extra)
        {
            Line(extra);
        }
        sb.Append('\n')
          .Append("# ").Append(file.Name.Value).Append(": run $SLURM_ARRAY_TASK_ID of `arithlab sweep plan ").Append(Path.GetFullPath(file.Path)).Append("`.\n")
          .Append("# Exit code 130: stopped by SIGTERM with a checkpoint; the next attempt resumes it.\n")
          .Append("srun --ntasks=1 ").Append(string.Join(' ', command.Select(Quote)))
          .Append(" sweep run ").Append(Quote(Path.GetFullPath(file.Path)))
          .Append(" --run \"$SLURM_ARRAY_TASK_ID\" --threads \"${SLURM_CPUS_PER_TASK:-1}\"\n")
          .Append("status=$?\n");
        if (options.Requeue)
        {
            sb.Append("if [[ $status -eq 130 ]]; then\n")
              .Append("  scontrol requeue \"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"\n")
              .Append("fi\n");
        }
        sb.Append("exit $status\n");
        return sb.ToString();
    }

    /// <summary>Indices as Slurm's compact list: 0-3,7,9-10.</summary>
    public static string ArraySpec(IEnumerable<int> indices)
    {
        var sorted = indices.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }
            parts.Add(i == j ? Int(sorted[i]) : $"{Int(sorted[i])}-{Int(sorted[j])}");
            i = j + 1;
        }
        return string.Join(',', parts);
    }

    // Single quotes keep paths with spaces or $ whole in bash.
    private static string Quote(string word) =>
        word.All(c => char.IsAsciiLetterOrDigit(c) || "/._-:=+".Contains(c, StringComparison.Ordinal)) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
