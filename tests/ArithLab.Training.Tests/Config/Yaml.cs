using ArithLab.Training.Config;

namespace ArithLab.Training.Tests.Config;

/// <summary>Shared test code: load YAML text, capture the errors of a bad one, find a token's position.</summary>
internal static class Yaml
{
    public const string File = "test.yaml";

    public static ExperimentConfig Load(string yaml, params string[] overrides) =>
        ConfigLoader.Parse(yaml, File, overrides);

    public static IReadOnlyList<ConfigError> Errors(string yaml, params string[] overrides) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, File, overrides)).Errors;

    /// <summary>The 1-based line and column of the first occurrence of <paramref name="token"/>, counted by hand from the text.</summary>
    public static (int Line, int Column) Find(string yaml, string token)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var col = lines[i].IndexOf(token, StringComparison.Ordinal);
            if (col >= 0)
            {
                return (i + 1, col + 1);
            }
        }
        throw new ArgumentException($"'{token}' is not in the YAML");
    }

    public static string At(string yaml, string token)
    {
        var (line, column) = Find(yaml, token);
        return $"{File}:{line}:{column}";
    }
}
