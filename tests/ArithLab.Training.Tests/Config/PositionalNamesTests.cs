using ArithLab.Models.Positional;
using ArithLab.Training.Config;

namespace ArithLab.Training.Tests.Config;

/// <summary>Positional schemes have their home in the Models registry; the config reads their names there.</summary>
public sealed class PositionalNamesTests
{
    [Fact]
    public void Config_scheme_names_are_the_registrys_canonical_names()
    {
        Assert.Equal(PositionalScheme.All.Select(s => s.Name), ConfigKeys.PositionalSchemes.Names);
    }

    [Theory]
    [InlineData("hard_alibi", "hard-alibi")]
    [InlineData("nope", "none")]
    public void Older_spellings_load_and_are_written_canonically_under_the_same_science_hash(string old, string canonical)
    {
        var before = Yaml.Load($"name: q\nmodel:\n  positional: [{old}]\n");
        var now = Yaml.Load($"name: q\nmodel:\n  positional: [{canonical}]\n");
        Assert.Equal(now.Model.Positional, before.Model.Positional);
        Assert.Contains($"  positional: [{canonical}]\n", ConfigWriter.Write(before), StringComparison.Ordinal);
        Assert.Equal(ConfigHash.Of(now), ConfigHash.Of(before));
    }

    [Fact]
    public void Kerple_is_a_config_value_and_a_misspelling_suggests_it()
    {
        Assert.Equal([PositionalScheme.Abacus, PositionalScheme.Kerple], Yaml.Load("name: q\ndata:\n  positions: abacus\nmodel:\n  positional: [abacus, kerple]\n").Model.Positional);
        var error = Assert.Single(Yaml.Errors("name: q\nmodel:\n  positional: [kerpel]\n"));
        Assert.Equal("kerple", error.Suggestion);
    }
}
