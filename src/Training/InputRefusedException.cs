namespace ArithLab.Training;

/// <summary>
/// A request the lab refuses as given — a run, a checkpoint, a model or lengths that cannot serve it —
/// with a message that says what is wrong and what to do. The command line reports it as bad input.
/// </summary>
public class InputRefusedException : Exception
{
    public InputRefusedException(string message)
        : base(message)
    {
    }

    public InputRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
