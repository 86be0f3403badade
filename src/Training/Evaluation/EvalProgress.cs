namespace ArithLab.Training.Evaluation;

/// <summary>Where an evaluation stands: sets done out of the total, and the time so far.</summary>
public readonly record struct EvalProgress(int Done, int Total, TimeSpan Elapsed, string Current)
{
    /// <summary>Time left, assuming the remaining sets take as long as the finished ones on average; null before the first.</summary>
    public TimeSpan? Eta => Done == 0 ? null : TimeSpan.FromTicks(Elapsed.Ticks / Done * (Total - Done));
}
