namespace ArithLab.Training.Config;

/// <summary>Which position ids the data pipeline emits next to the tokens (`data.positions`).</summary>
public enum PositionIds
{
    None,
    Absolute,
    /// <summary>Digit significance ids with a random training offset (McLeish et al. 2024).</summary>
    Abacus,
    /// <summary>Ids shared by digits of equal significance across operands (Cho et al. 2024).</summary>
    Coupled,
}
