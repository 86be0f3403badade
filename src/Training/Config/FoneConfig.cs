namespace ArithLab.Training.Config;

/// <summary>`model.fone`: Fourier number embedding periods (Zhou et al. 2024, FoNE).</summary>
public sealed record FoneConfig
{
    /// <summary>Periods of the cos/sin pairs; one pair per decimal digit by default.</summary>
    public ConfigList<int> Periods { get; init; } = ConfigList.Of(10, 100, 1000, 10000, 100000);
}
