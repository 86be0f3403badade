namespace ArithLab.Training.Evaluation;

/// <summary>A run directory (or checkpoint) that cannot be read, with a message saying what is missing.</summary>
public sealed class RunDirectoryException(string message) : Exception(message);
