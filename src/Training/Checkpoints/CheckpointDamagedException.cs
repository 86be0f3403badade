namespace ArithLab.Training.Checkpoints;

/// <summary>A checkpoint that cannot be used: unreadable, cut short, of the wrong shapes, or holding NaN/Inf weights.</summary>
public sealed class CheckpointDamagedException(CheckpointInfo checkpoint, string message, Exception? inner = null) : Exception(message, inner)
{
    public CheckpointInfo Checkpoint { get; } = checkpoint;
}
