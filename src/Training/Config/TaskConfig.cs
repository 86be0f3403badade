using ArithLab.Data.Tasks;

namespace ArithLab.Training.Config;

/// <summary>`task`: what problems are generated.</summary>
public sealed record TaskConfig
{
    public TaskName Name { get; init; } = TaskName.Addition;

    /// <summary>Numbers per problem: 2 for binary tasks, more for multi-addition and sorting.</summary>
    public int Operands { get; init; } = 2;

    /// <summary>The modulus of modular-addition; 97 as in Power et al. 2022 (grokking) and ArithLab.Data.</summary>
    public int Modulus { get; init; } = 97;
}
