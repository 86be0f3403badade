using ArithLab.Models;
using ArithLab.Models.Looped;
using ArithLab.Models.Positional;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Tests;

public class PositionalRegistryTests
{
    public static TheoryData<string> Registered()
    {
        var data = new TheoryData<string>();
        foreach (var s in PositionalScheme.All) data.Add(s.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Registered))]
    public void Every_registered_scheme_builds_the_part_its_role_names(string name)
    {
        using var scope = DisposeScope.Begin();
        var scheme = PositionalSchemes.Find(name)!;
        var part = scheme.Build(TinyModels.Config(name));
        try
        {
            switch (scheme.Role)
            {
                case PositionalRole.None: Assert.Null(part); break;
                case PositionalRole.AddsToEmbedding or PositionalRole.SuppliesIdTable: Assert.IsAssignableFrom<IPositionEmbedding>(part); break;
                case PositionalRole.RotatesQueryKey: Assert.IsAssignableFrom<IQueryKeyRotation>(part); break;
                default: Assert.IsAssignableFrom<IScoreBias>(part); break;
            }
            Assert.Equal(scheme.PerLayer, part is Module && scheme.Role == PositionalRole.BiasesScores);
        }
        finally
        {
            (part as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void Each_spelling_names_one_scheme_and_older_spellings_still_read()
    {
        var spellings = PositionalScheme.All.SelectMany(s => s.Spellings).ToList();
        Assert.Equal(spellings.Count, spellings.Distinct().Count());
        Assert.Same(PositionalScheme.None, PositionalSchemes.Find("nope"));
        Assert.Same(PositionalScheme.HardAlibi, PositionalSchemes.Find("hard_alibi"));
        Assert.Equal("hard-alibi", PositionalScheme.HardAlibi.Name);
        Assert.Equal(PositionalSchemes.Parse("none"), PositionalSchemes.Parse("nope"));
    }

    [Fact]
    public void One_scheme_per_role_and_none_only_alone()
    {
        Assert.Contains("choose one of learned, sinusoidal", Assert.Throws<ArgumentException>(() => PositionalSchemes.Parse("learned+sinusoidal")).Message, StringComparison.Ordinal);
        Assert.Contains("choose one of", Assert.Throws<ArgumentException>(() => PositionalSchemes.Parse("abacus+coupled")).Message, StringComparison.Ordinal);
        Assert.Contains("cannot be combined", Assert.Throws<ArgumentException>(() => PositionalSchemes.Parse("none+rope")).Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'kerple'", Assert.Throws<ArgumentException>(() => PositionalSchemes.Parse("kerpel")).Message, StringComparison.Ordinal);
        // Across roles, schemes combine.
        Assert.Equal(4, PositionalSchemes.Parse("learned+abacus+rope+kerple").Items.Count);
    }

    [Theory]
    [InlineData("learned+rope")]
    [InlineData("coupled+fire")]
    [InlineData("abacus+kerple")]
    public void Plain_and_looped_models_name_their_positional_weights_alike(string positional)
    {
        using var scope = DisposeScope.Begin();
        var config = TinyModels.Config(positional);
        LibTorch.ManualSeed(1);
        using var plain = new Transformer(config);
        using var looped = new LoopedTransformer(new LoopedConfig { Transformer = config with { Layers = 1 }, MaxRecurrence = 2 });
        static IEnumerable<string> Positional(Module m) => m.NamedParameters().Select(p => p.Name)
            .Where(n => !n.Contains("blocks.", StringComparison.Ordinal) && !n.StartsWith("core.", StringComparison.Ordinal) && !n.StartsWith("tok_embed", StringComparison.Ordinal) && !n.StartsWith("ln_f", StringComparison.Ordinal) && !n.StartsWith("lm_head", StringComparison.Ordinal));
        Assert.Equal(Positional(plain), Positional(looped));
        static IEnumerable<string> PerLayer(Module m, string block) => m.NamedParameters().Select(p => p.Name)
            .Where(n => n.StartsWith(block, StringComparison.Ordinal) && (n.Contains(".attn.fire.", StringComparison.Ordinal) || n.Contains(".attn.kerple.", StringComparison.Ordinal)))
            .Select(n => n[block.Length..]);
        Assert.Equal(PerLayer(plain, "blocks.0."), PerLayer(looped, "core.0."));
    }
}
