namespace ArithLab.Training.Units;

/// <summary>One layer kind of the arithmetic-unit networks (Madsen &amp; Johansen 2020, Table 2's rows).</summary>
public enum UnitKind
{
    /// <summary>Neural addition unit (src/Models/Arithmetic/Nau.cs).</summary>
    Nau,
    /// <summary>Neural multiplication unit (src/Models/Arithmetic/Nmu.cs).</summary>
    Nmu,
    /// <summary>NAC₊, the additive neural accumulator (src/Models/Arithmetic/Nac.cs).</summary>
    NacAdd,
    /// <summary>NAC•, the NAC in log space: exp(W log(|x| + ε)) (the NALU's multiplicative path).</summary>
    NacMul,
    /// <summary>Neural arithmetic logic unit (src/Models/Arithmetic/Nalu.cs).</summary>
    Nalu,
    /// <summary>A plain linear layer without bias.</summary>
    Linear,
}
