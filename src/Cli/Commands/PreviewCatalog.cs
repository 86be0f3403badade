using System.Numerics;
using ArithLab.Data;

namespace ArithLab.Cli.Commands;

/// <summary>
/// The tasks and formats `data preview` can show. Interim: a minimal plain/reversed addition
/// writer, to be replaced by the lab's task samplers and FormatRegistry.
/// </summary>
internal static class PreviewCatalog
{
    public static IReadOnlyList<string> Tasks { get; } = ["addition"];

    public static IReadOnlyList<string> Formats(string task) => ["plain", "reversed"];

    public static TaskKind Kind(string task) => TaskKind.Addition;

    public static Vocabulary Vocabulary(string task, string format) =>
        new(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "="]);

    /// <summary>a + b with digit counts uniform in [min, max]; reversed writes every number units first.</summary>
    public static FormattedExample Draw(string task, string format, int minDigits, int maxDigits, Random random)
    {
        var a = Operand(random, random.Next(minDigits, maxDigits + 1));
        var b = Operand(random, random.Next(minDigits, maxDigits + 1));
        var reversed = format == "reversed";
        var prompt = new List<FormattedToken>();
        prompt.AddRange(Number(a, 0, reversed));
        prompt.Add(new FormattedToken("+"));
        prompt.AddRange(Number(b, 1, reversed));
        prompt.Add(new FormattedToken("="));
        return new FormattedExample(new Problem(TaskKind.Addition, [a, b], [a + b]), prompt, Number(a + b, 2, reversed));
    }

    private static BigInteger Operand(Random random, int digits)
    {
        var value = digits == 1 ? new BigInteger(random.Next(10)) : random.Next(1, 10);
        for (var i = 1; i < digits; i++)
        {
            value = value * 10 + random.Next(10);
        }
        return value;
    }

    private static List<FormattedToken> Number(BigInteger value, int number, bool reversed)
    {
        var text = value.ToString();
        var tokens = text.Select((c, i) => new FormattedToken(c.ToString(), number, text.Length - 1 - i)).ToList();
        if (reversed)
        {
            tokens.Reverse();
        }
        return tokens;
    }
}
