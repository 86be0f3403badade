using System.Diagnostics;
using ArithLab.Training;
using ArithLab.Training.Runs;
using ArithLab.Training.Sweeps;

namespace ArithLab.Cli.Sweeps;

/// <summary>Writes a sweep's job-array script for its unfinished runs and submits it with `sbatch`.</summary>
internal static class SlurmSubmission
{
    public static int Submit(SweepPlan plan, SlurmOptions options, bool dryRun)
    {
        var state = new SweepState(plan.File);
        var todo = plan.Runs.Where(r => state.StatusOf(r) is not (SweepRunStatus.Done or SweepRunStatus.Running)).Select(r => r.Index).ToList();
        if (todo.Count == 0)
        {
            Console.WriteLine($"sweep {plan.File.Name.Value}: every run is done or running; nothing to submit");
            return 0;
        }
        var script = SlurmScript.Build(plan.File, options, todo, SelfProcess.Command, Directory.GetCurrentDirectory());
        if (dryRun)
        {
            Console.Write(script);
            return 0;
        }
        var folder = Path.Combine(plan.File.SweepFolder, "slurm");
        Directory.CreateDirectory(folder);
        var path = Path.GetFullPath(Path.Combine(folder, "job.sh"));
        AtomicFile.WriteAllText(path, script);
        var info = new ProcessStartInfo("sbatch") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("--parsable");
        info.ArgumentList.Add(path);
        Process sbatch;
        try
        {
            sbatch = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InputRefusedException($"sbatch not found; is this a Slurm login node? The script is at {path} (--dry-run prints it)", e);
        }
        using (sbatch)
        {
            var stdout = sbatch.StandardOutput.ReadToEndAsync();
            var stderr = sbatch.StandardError.ReadToEndAsync();
            sbatch.WaitForExit();
            if (sbatch.ExitCode != 0)
            {
                throw new InputRefusedException($"sbatch refused {path}: {stderr.Result.Trim()}");
            }
            var job = stdout.Result.Trim().Split(';')[0];
            Console.WriteLine($"submitted job {job}: {todo.Count} array task(s) ({SlurmScript.ArraySpec(todo)}) of sweep {plan.File.Name.Value}; script {path}");
            Console.WriteLine($"follow with: arithlab sweep status {plan.File.Path}   (or squeue -j {job})");
            return 0;
        }
    }
}
