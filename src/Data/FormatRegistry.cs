using ArithLab.Data.Formats;

namespace ArithLab.Data;

/// <summary>Looks up formats by the names configs and the command line use.</summary>
public static class FormatRegistry
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "plain", "reversed", "reversed-all", "padded", "reversed-padded",
        "index-hints", "index-hints-mcleish",
        "scratchpad", "scratchpad-simplified", "turing", "sorting-mcleish",
    ];

    public static DigitFormat Get(string name, FormatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var o = options ?? new FormatOptions();
        return name switch
        {
            // Lee et al. 2023, plain: "123+45=168".
            "plain" => new LayoutFormat(name, new LayoutOptions(Spaces: o.Spaces)),

            // Lee et al. 2023, reverse (lee-ny/teaching_arithmetic): "$123+45=861$".
            "reversed" => new LayoutFormat(name, new LayoutOptions(ReverseAnswer: true, Delimiter: "$", Spaces: o.Spaces)),

            // McLeish et al. 2024, --reverse_all (mcleish7/arithmetic): "321+54=861".
            "reversed-all" => new LayoutFormat(name, new LayoutOptions(ReverseOperands: true, ReverseAnswer: true, Spaces: o.Spaces, MultiplySymbol: "x")),

            // Zero-padded to a fixed width: "0000000123+0000000045=00000000168" at width 10.
            "padded" => new LayoutFormat(name, new LayoutOptions(PadWidth: o.PadWidth > 0 ? o.PadWidth : throw new ArgumentException("'padded' needs a positive PadWidth", nameof(options)), Spaces: o.Spaces)),

            // Cho et al. 2024 (HanseulJo/position-coupling, configs/task/addition_coupled.yaml: padding, reverse_output):
            // each example zero-padded to its longer operand, the answer reversed, no delimiters: "653+049=2070".
            "reversed-padded" => new LayoutFormat(name, new LayoutOptions(ReverseAnswer: true, PadPerExample: true, Spaces: o.Spaces)),

            "index-hints" => new IndexHintFormat(IndexHintStyle.Zhou, o.HintSeed, o.HintOffset),
            "index-hints-mcleish" => new IndexHintFormat(IndexHintStyle.McLeish, o.HintSeed, o.HintOffset),
            "scratchpad" => new LeeScratchpadFormat(detailed: true),
            "scratchpad-simplified" => new LeeScratchpadFormat(detailed: false),
            "turing" => new TuringProgramFormat(),
            "sorting-mcleish" => new LabelledSortingFormat(o.HintSeed, o.HintOffset),
            _ => throw new ArgumentException(UnknownMessage(name), nameof(name)),
        };
    }

    private static string UnknownMessage(string name)
    {
        var closest = Names.OrderBy(n => NameSuggestions.Between(n, name)).First();
        return $"unknown format '{name}'; did you mean '{closest}'? Known formats: {string.Join(", ", Names)}";
    }
}
