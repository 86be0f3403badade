using ArithLab.Data;
using ArithLab.Data.Tasks;
using ArithLab.Training.Config;

namespace ArithLab.Training.Tests.Config;

/// <summary>Task and format names have their home in ArithLab.Data; the config must spell them the same.</summary>
public sealed class DataNamesTests
{
    [Fact]
    public void Config_task_names_are_the_data_task_names()
    {
        Assert.Equal(TaskRegistry.Names.Order(StringComparer.Ordinal), ConfigKeys.TaskNames.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Config_format_names_are_the_data_format_names_plus_fone()
    {
        // FoNE is an embedding of whole numbers rather than a digit layout, so Data's registry lacks it.
        Assert.Equal(
            FormatRegistry.Names.Append("fone").Order(StringComparer.Ordinal),
            ConfigKeys.Formats.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Older_spelling_subtraction_signed_loads_and_is_written_as_signed_subtraction()
    {
        var config = Yaml.Load("name: q\ntask:\n  name: subtraction-signed\n");
        Assert.Equal(TaskName.SignedSubtraction, config.Task.Name);
        Assert.Contains("  name: signed-subtraction\n", ConfigWriter.Write(config), StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_task_suggests_the_canonical_name()
    {
        var error = Assert.Single(Yaml.Errors("name: q\ntask:\n  name: subtraction-signd\n"));
        Assert.Equal("signed-subtraction", error.Suggestion);
    }
}
