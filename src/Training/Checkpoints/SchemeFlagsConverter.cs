using System.Text.Json;
using System.Text.Json.Serialization;
using ArithLab.Models.Positional;

namespace ArithLab.Training.Checkpoints;

/// <summary>
/// Writes a model's positional schemes into the checkpoint header's config JSON as one flag per scheme
/// (<c>"Schemes": {"Learned": false, ..., "Coupled": true, "NeedsPositionIds": true}</c>), the layout
/// checkpoints have always had and readers such as examples/python/forward.py use. The eight schemes
/// of that layout are always listed; a scheme registered since (KERPLE) appears only when the model
/// uses it, so that checkpoints of models without it keep their bytes.
/// </summary>
internal sealed class SchemeFlagsConverter : JsonConverter<PositionalSchemes>
{
    private static readonly PositionalScheme[] s_alwaysListed =
    [
        PositionalScheme.Learned, PositionalScheme.Sinusoidal, PositionalScheme.Rope, PositionalScheme.Alibi,
        PositionalScheme.HardAlibi, PositionalScheme.Fire, PositionalScheme.Abacus, PositionalScheme.Coupled,
    ];

    public override PositionalSchemes Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("the scheme flags are written for readers; a model is rebuilt from Positional");

    public override void Write(Utf8JsonWriter writer, PositionalSchemes value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var scheme in s_alwaysListed)
        {
            writer.WriteBoolean(FlagName(scheme), value.Contains(scheme));
        }
        foreach (var scheme in value.Items.Where(s => s != PositionalScheme.None && !s_alwaysListed.Contains(s)))
        {
            writer.WriteBoolean(FlagName(scheme), true);
        }
        writer.WriteBoolean("NeedsPositionIds", value.NeedsPositionIds);
        writer.WriteEndObject();
    }

    // "hard-alibi" → "HardAlibi", the C# property names the flags had.
    private static string FlagName(PositionalScheme scheme) =>
        string.Concat(scheme.Name.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
