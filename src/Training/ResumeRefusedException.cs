namespace ArithLab.Training;

/// <summary>A run that cannot be resumed as asked (no checkpoint yet, or one trained under other science), with what to do.</summary>
public sealed class ResumeRefusedException(string message) : InputRefusedException(message);
