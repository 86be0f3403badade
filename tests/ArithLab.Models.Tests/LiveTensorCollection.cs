namespace ArithLab.Models.Tests;

/// <summary>Tests comparing <see cref="LibTorch.SettledLiveTensors"/> before and after run alone: the counter is process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveTensorCollection
{
    public const string Name = "Live tensor counter";
}
