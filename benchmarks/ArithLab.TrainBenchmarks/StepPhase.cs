namespace ArithLab.TrainBenchmarks;

/// <summary>The parts of a training step that <see cref="StepProfile"/> times.</summary>
internal enum StepPhase
{
    Forward,
    Loss,
    Backward,
    Clip,
    Optimizer,
    ZeroGrad,
    Dispose,
}
