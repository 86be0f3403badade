using ArithLab.Data.Tasks;
using System.Text.RegularExpressions;
using ArithLab.Tests;
using ArithLab.Training.Config;

namespace ArithLab.Training.Tests.Config;

/// <summary>docs/getting-started.md's experiment loads as the page says it does.</summary>
public sealed partial class GettingStartedTests
{
    [Fact]
    public void The_multiplication_experiment_of_the_page_loads_with_its_settings()
    {
        var yaml = YamlBlock().Match(RepositoryFiles.Read("docs/getting-started.md")).Groups[1].Value;

        var config = ConfigLoader.Parse(yaml, "docs/getting-started.md");

        Assert.Equal("my-multiplication", config.Name);
        Assert.Equal(TaskName.Multiplication, config.Task.Name);
        Assert.Equal(new DigitRange(1, 2), config.Data.DigitsA);
        Assert.Equal(2000, config.Train.Steps);
    }

    [GeneratedRegex("```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
