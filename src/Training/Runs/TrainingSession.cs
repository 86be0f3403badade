using ArithLab.Training.Loop;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Runs;

/// <summary>
/// One training of a run directory, from a <see cref="TrainRequest"/>: the run chosen and its config
/// settled by the resume policy (<see cref="RunResumption"/>), the run's exclusive lock taken before
/// anything is written, the experiment built and the trainer run. Refusals are
/// <see cref="InputRefusedException"/>s; a full disk mid-run is an <see cref="IOException"/> that names
/// the last complete checkpoint.
/// </summary>
public sealed class TrainingSession : IDisposable
{
    private readonly RunLock _lock;
    private readonly bool _resume;

    private TrainingSession(RunLock runLock, RunDirectory run, Experiment experiment, bool resume)
    {
        (_lock, Run, Experiment, _resume) = (runLock, run, experiment, resume);
    }

    public RunDirectory Run { get; }

    public Experiment Experiment { get; }

    /// <summary>Warnings about the run's size (memory, parameters) that do not stop it.</summary>
    public IReadOnlyList<string> Warnings => ResourceEstimate.Of(Experiment.Config, Experiment.Data).Warnings;

    public static TrainingSession Open(TrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Resume ? OpenResume(request) : OpenFresh(request);
    }

    /// <summary>Trains to the end, or to a divergence or cancellation; the trainer has printed how the run ended.</summary>
    public TrainingOutcome Train(CancellationToken cancellation = default)
    {
        try
        {
            return new Trainer(Experiment, Run, new TrainerOptions { Resume = _resume }).Run(cancellation);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            // A full disk or a vanished folder mid-run: checkpoints are written whole or not at all, so say which one stands.
            var kept = Run.Checkpoints.Latest() is { } latest ? $"the last complete checkpoint is step {latest.Step} ({latest.Path})" : "no checkpoint was completed";
            throw new IOException($"{e.Message}; {kept}. Free space, then continue with: arithlab train --resume {Run.Path}", e);
        }
    }

    public void Dispose()
    {
        Experiment.Dispose();
        _lock.Dispose();
    }

    // CA2000 cannot see ownership pass into the session, which disposes its lock and experiment in
    // Dispose; when opening fails, the catch blocks dispose what was made.
#pragma warning disable CA2000
    private static TrainingSession OpenResume(TrainRequest request)
    {
        var path = request.RunPath ?? RunResumption.FindRun(request.Config ?? throw new ArgumentException("a resume needs the run directory or the experiment", nameof(request)));
        if (!Directory.Exists(path))
        {
            throw new ResumeRefusedException($"nothing to resume: {path} does not exist");
        }
        var runLock = RunLock.ForWriting(path);
        Experiment? experiment = null;
        try
        {
            var run = RunDirectory.Open(path);
            experiment = Build(RunResumption.Config(run, request.Config, request.Overrides));
            return new TrainingSession(runLock, run, experiment, resume: true);
        }
        catch
        {
            experiment?.Dispose();
            runLock.Dispose();
            throw;
        }
    }

    private static TrainingSession OpenFresh(TrainRequest request)
    {
        var config = request.Config ?? throw new ArgumentException("a fresh run needs its experiment", nameof(request));
        var experiment = Build(config);
        RunLock? runLock = null;
        try
        {
            var path = request.RunPath ?? RunDirectory.DefaultPath(config);
            if (File.Exists(path))
            {
                throw new InputRefusedException($"--run-dir {path} is a file; give a folder");
            }
            // Locked before anything is written: a second train of the same folder is refused here.
            runLock = RunLock.ForWriting(path);
            return new TrainingSession(runLock, RunDirectory.Create(config, path), experiment, resume: false);
        }
        catch (InvalidOperationException e)
        {
            // The folder already holds another run.
            runLock?.Dispose();
            experiment.Dispose();
            throw new InputRefusedException(e.Message, e);
        }
        catch
        {
            runLock?.Dispose();
            experiment.Dispose();
            throw;
        }
    }

#pragma warning restore CA2000

    /// <summary>The experiment; a config this machine or code cannot build (a resource bomb, an unsupported combination) is refused as input.</summary>
    private static Experiment Build(Config.ExperimentConfig config)
    {
        try
        {
            return Experiment.Create(config);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new InputRefusedException(e.Message, e);
        }
    }
}
