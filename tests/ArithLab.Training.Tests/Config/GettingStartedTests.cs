using System.Text.RegularExpressions;
using ArithLab.Training.Config;

namespace ArithLab.Training.Tests.Config;

/// <summary>docs/getting-started.md's experiment loads as the page says it does.</summary>
public sealed partial class GettingStartedTests
{
    [Fact]
    public void The_multiplication_experiment_of_the_page_loads_with_its_settings()
    {
        var yaml = YamlBlock().Match(ReadPage()).Groups[1].Value;

        var config = ConfigLoader.Parse(yaml, "docs/getting-started.md");

        Assert.Equal("my-multiplication", config.Name);
        Assert.Equal(TaskName.Multiplication, config.Task.Name);
        Assert.Equal(new DigitRange(1, 2), config.Data.DigitsA);
        Assert.Equal(2000, config.Train.Steps);
    }

    private static string ReadPage()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "getting-started.md");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }
        throw new FileNotFoundException("docs/getting-started.md not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
