using ArithLab.Training.Runs;

namespace ArithLab.Training.Tests.Training;

/// <summary>
/// The run lock's rules. flock belongs to an open file, not a process, so two opens in this one
/// process conflict just as two processes do (the CLI tests show the latter).
/// </summary>
public sealed class RunLockTests : IDisposable
{
    private readonly string _run = Directory.CreateTempSubdirectory("arithlab-lock-").FullName;

    [Fact]
    public void A_second_writer_is_refused_naming_the_holders_pid()
    {
        using var first = RunLock.ForWriting(_run);

        var e = Assert.Throws<RunLockedException>(() => RunLock.ForWriting(_run));

        Assert.Equal(Environment.ProcessId, e.HolderPid);
        Assert.Contains($"being trained by process {Environment.ProcessId}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Readers_share_but_exclude_a_writer_and_are_excluded_by_one()
    {
        using (var a = RunLock.ForReading(_run))
        using (var b = RunLock.ForReading(_run))
        {
            var e = Assert.Throws<RunLockedException>(() => RunLock.ForWriting(_run));
            Assert.Null(e.HolderPid);
            Assert.Contains("being read", e.Message, StringComparison.Ordinal);
        }
        using var writer = RunLock.ForWriting(_run);
        Assert.Throws<RunLockedException>(() => RunLock.ForReading(_run));
    }

    [Fact]
    public void Releasing_the_lock_lets_the_next_writer_in_and_removes_the_pid()
    {
        RunLock.ForWriting(_run).Dispose();

        using var again = RunLock.ForWriting(_run);

        Assert.True(again.IsExclusive);
        Assert.Equal($"{Environment.ProcessId}\n", File.ReadAllText(Path.Combine(_run, RunLock.PidFileName)));
    }

    public void Dispose() => Directory.Delete(_run, recursive: true);
}
