using System.Reflection;
using ArithLab.Training.Config;

namespace ArithLab.Training.Tests.Config;

public sealed class ExplainTests
{
    [Fact]
    public void Text_lists_every_key_with_its_type_default_and_meaning()
    {
        var text = ConfigExplanation.Text(ConfigKeys.All);
        foreach (var key in ConfigKeys.All)
        {
            Assert.Contains($"{key.Path} = {key.DefaultText}", text, StringComparison.Ordinal);
            Assert.Contains($"{key.Kind.TypeName} — {key.Doc}", text, StringComparison.Ordinal);
        }
        Assert.Contains("model.heads = 4\n    integer ≥ 1 — attention heads; must divide d_model\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_has_one_row_per_key()
    {
        var rows = ConfigExplanation.Markdown(ConfigKeys.All).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ConfigKeys.All.Count + 2, rows.Length);
        Assert.Contains("| `model.activation` | gelu \\| relu \\| swiglu \\| geglu | `gelu` | MLP nonlinearity (swiglu/geglu are gated, Shazeer 2020) |", rows);
        Assert.Contains("| `model.norm_placement` | pre \\| post \\| pre-post | `pre` | norm before each sublayer (pre), after the residual sum (post), or both with separate weights (pre-post, Cho et al. 2024) |", rows);
    }

    [Fact]
    public void Every_key_has_a_meaning_and_a_unique_path()
    {
        Assert.All(ConfigKeys.All, k => Assert.False(string.IsNullOrWhiteSpace(k.Doc), k.Path));
        Assert.Equal(ConfigKeys.All.Count, ConfigKeys.All.Select(k => k.Path).Distinct().Count());
    }

    [Fact]
    public void Every_settable_record_property_has_a_key()
    {
        // Count the leaf values in the records by reflection: a property added to a record without
        // a key in the table would be invisible to YAML, explain and the resolved config.
        static int Leaves(Type type)
        {
            var count = 0;
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                var t = p.PropertyType;
                count += t == typeof(DigitRange) ? 2
                    : t.Namespace == typeof(ExperimentConfig).Namespace && t.IsClass && t.Name.EndsWith("Config", StringComparison.Ordinal) ? Leaves(t)
                    : 1;
            }
            return count;
        }
        Assert.Equal(Leaves(typeof(ExperimentConfig)), ConfigKeys.All.Count(k => !k.IsShorthand));
    }

    [Fact]
    public void Runtime_keys_and_only_they_are_plumbing()
    {
        var plumbing = ConfigKeys.All.Where(k => !k.IsScience).Select(k => k.Path).ToList();
        Assert.Equal(
            ["runtime.device", "runtime.threads", "runtime.log_format", "runtime.log_every", "runtime.checkpoint_every", "runtime.keep_checkpoints", "runtime.run_dir", "runtime.progress"],
            plumbing);
    }
}
