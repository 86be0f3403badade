namespace ArithLab.Training.Runs;

/// <summary>A run directory another process holds (see <see cref="RunLock"/>); <see cref="HolderPid"/> is the training process, when known.</summary>
public sealed class RunLockedException(string directory, int? holderPid, string message) : Exception(message)
{
    public string Directory { get; } = directory;

    public int? HolderPid { get; } = holderPid;
}
