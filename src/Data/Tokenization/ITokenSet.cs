using ArithLab.Data.Tasks;

namespace ArithLab.Data.Tokenization;

/// <summary>A format that can say which tokens it writes, so a vocabulary can be built for it.</summary>
public interface ITokenSet
{
    /// <summary>Every token the format may write for the task, in a fixed order (digits may be left out: they are always in).</summary>
    IReadOnlyList<string> TokenSet(TaskSpec task);
}
