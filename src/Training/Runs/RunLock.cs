using System.Globalization;

namespace ArithLab.Training.Runs;

/// <summary>
/// The lock of one run directory, so two processes never mix their files in it. <c>train</c> holds
/// it exclusively for the whole run; <c>eval</c> and <c>plot</c> hold it shared, so they may run
/// together but never beside a training. It is an OS file lock (flock on <c>run.lock</c>, taken by
/// .NET's FileShare modes), which the kernel releases when the process ends in any way, so a
/// <c>kill -9</c> leaves no stale lock. The exclusive holder writes its process id to <c>run.pid</c>
/// for the message a refused process prints.
/// <code>
/// using var exclusive = RunLock.ForWriting("runs/quickstart-1a2b3c4d5e6f-s0");   // throws RunLockedException if held
/// </code>
/// </summary>
public sealed class RunLock : IDisposable
{
    public const string LockFileName = "run.lock";
    public const string PidFileName = "run.pid";

    // The HResult .NET gives the IOException of a file another process holds locked: on Linux the
    // errno of a refused flock (EWOULDBLOCK, 11), on Windows ERROR_SHARING_VIOLATION.
    private static bool IsHeldElsewhere(IOException e) => e.HResult is 11 or unchecked((int)0x80070020);

    private readonly FileStream? _stream;

    private RunLock(string directory, FileStream? stream, bool exclusive)
    {
        Directory = directory;
        _stream = stream;
        IsExclusive = exclusive;
    }

    /// <summary>The run directory locked.</summary>
    public string Directory { get; }

    public bool IsExclusive { get; }

    /// <summary>
    /// Takes the exclusive lock for a process that writes the run (train, resume), creating the folder
    /// if needed. Throws <see cref="RunLockedException"/> when another process trains, evaluates or plots it.
    /// </summary>
    public static RunLock ForWriting(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        var directory = Path.GetFullPath(runDirectory);
        System.IO.Directory.CreateDirectory(directory);
        FileStream stream;
        try
        {
            stream = new FileStream(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            // A read-only open fails only against an exclusive holder: a training, not an eval or plot.
            if (!HeldExclusively(directory))
            {
                throw new RunLockedException(directory, null,
                    $"{directory} is being read by another arithlab process (an eval or plot of it is running); try again when it ends");
            }
            var holder = HolderOf(directory);
            throw new RunLockedException(directory, holder,
                $"{directory} is being trained by process {holder?.ToString(CultureInfo.InvariantCulture) ?? "(unknown)"}; " +
                "wait for it to finish (or stop it), or train into another --run-dir");
        }
        var id = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        AtomicFile.WriteAllText(Path.Combine(directory, PidFileName), id + "\n");
        return new RunLock(directory, stream, exclusive: true);
    }

    /// <summary>
    /// Takes the shared lock for a process that reads the run and writes only its own outputs (eval,
    /// plot). Throws <see cref="RunLockedException"/> while a training holds it. A folder that cannot
    /// hold a lock file (read-only) cannot be trained into either, so it is read without one.
    /// </summary>
    public static RunLock ForReading(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        var directory = Path.GetFullPath(runDirectory);
        var path = Path.Combine(directory, LockFileName);
        try
        {
            // Read-write access with sharing is what makes .NET take a shared flock (LOCK_SH) and hold it.
            return new RunLock(directory, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite), exclusive: false);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            var holder = HolderOf(directory);
            throw new RunLockedException(directory, holder,
                $"{directory} is being trained by process {holder?.ToString(CultureInfo.InvariantCulture) ?? "(unknown)"}; " +
                "its checkpoints and metrics are still being written: run this when training ends, or stop the training first");
        }
        catch (UnauthorizedAccessException)
        {
            return new RunLock(directory, null, exclusive: false);
        }
    }

    private static bool HeldExclusively(string directory)
    {
        try
        {
            using var probe = new FileStream(Path.Combine(directory, LockFileName), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return false;
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            return true;
        }
    }

    /// <summary>The process id the exclusive holder wrote, if readable.</summary>
    private static int? HolderOf(string directory)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(directory, PidFileName)).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (_stream is null)
        {
            return;
        }
        if (IsExclusive)
        {
            // The pid names a holder only while the lock is held; a kill -9 leaves it, harmlessly stale.
            try
            {
                File.Delete(Path.Combine(Directory, PidFileName));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        _stream.Dispose();
    }
}
