namespace ArithLab.Training.Runs;

/// <summary>A run directory (or checkpoint) that cannot be read, with a message saying what is missing.</summary>
public sealed class RunDirectoryException(string message) : InputRefusedException(message);
