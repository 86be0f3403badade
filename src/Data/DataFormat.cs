using ArithLab.Data.Formats;

namespace ArithLab.Data;

/// <summary>
/// A way of writing problems as tokens, by name: the one list of format names that configs
/// (`data.format`), the command line and <see cref="FormatRegistry"/> use. Each entry builds its
/// <see cref="DigitFormat"/> from <see cref="FormatOptions"/>. <see cref="Fone"/> is the exception:
/// it writes problems as <see cref="Plain"/> does and the model reads each number's value
/// (src/Data/Fone), so it has no digit format of its own.
/// </summary>
public sealed class DataFormat
{
    // Filled by the constructor, so it must be declared before the entries.
    private static readonly List<DataFormat> s_all = [];

    // Lee et al. 2023, plain: "123+45=168".
    public static readonly DataFormat Plain = new("plain", (n, o) => new LayoutFormat(n, new LayoutOptions(Spaces: o.Spaces)));

    // Lee et al. 2023, reverse (lee-ny/teaching_arithmetic): "$123+45=861$".
    public static readonly DataFormat Reversed = new("reversed", (n, o) => new LayoutFormat(n, new LayoutOptions(ReverseAnswer: true, Delimiter: "$", Spaces: o.Spaces)));

    // McLeish et al. 2024, --reverse_all (mcleish7/arithmetic): "321+54=861".
    public static readonly DataFormat ReversedAll = new("reversed-all", (n, o) => new LayoutFormat(n, new LayoutOptions(ReverseOperands: true, ReverseAnswer: true, Spaces: o.Spaces, MultiplySymbol: "x")));

    // Zero-padded to a fixed width: "0000000123+0000000045=00000000168" at width 10.
    public static readonly DataFormat Padded = new("padded", (name, options) => new LayoutFormat(name, new LayoutOptions(PadWidth: options.PadWidth > 0 ? options.PadWidth : throw new ArgumentException("'padded' needs a positive PadWidth", nameof(options)), Spaces: options.Spaces)));

    // Cho et al. 2024 (HanseulJo/position-coupling, configs/task/addition_coupled.yaml: padding, reverse_output):
    // each example zero-padded to its longer operand, the answer reversed, no delimiters: "653+049=2070".
    public static readonly DataFormat ReversedPadded = new("reversed-padded", (n, o) => new LayoutFormat(n, new LayoutOptions(ReverseAnswer: true, PadPerExample: true, Spaces: o.Spaces)));

    public static readonly DataFormat IndexHints = new("index-hints", (_, o) => new IndexHintFormat(IndexHintStyle.Zhou, o.HintSeed, o.HintOffset));
    public static readonly DataFormat IndexHintsMcleish = new("index-hints-mcleish", (_, o) => new IndexHintFormat(IndexHintStyle.McLeish, o.HintSeed, o.HintOffset));
    public static readonly DataFormat Scratchpad = new("scratchpad", (_, _) => new LeeScratchpadFormat(detailed: true));
    public static readonly DataFormat ScratchpadSimplified = new("scratchpad-simplified", (_, _) => new LeeScratchpadFormat(detailed: false));
    public static readonly DataFormat Turing = new("turing", (_, _) => new TuringProgramFormat());

    // McLeish et al. 2024's labelled sorting format.
    public static readonly DataFormat SortingMcleish = new("sorting-mcleish", (_, o) => new LabelledSortingFormat(o.HintSeed, o.HintOffset));

    // Zhou et al. 2025: plain text, each number also read by its value.
    public static readonly DataFormat Fone = new("fone", null);

    private readonly Func<string, FormatOptions, DigitFormat>? _create;

    private DataFormat(string name, Func<string, FormatOptions, DigitFormat>? create)
    {
        Name = name;
        _create = create;
        s_all.Add(this);
    }

    /// <summary>Every format, in the order names are listed.</summary>
    public static IReadOnlyList<DataFormat> All => s_all;

    public string Name { get; }

    /// <summary>The format whose digit layout this one writes: itself, or <see cref="Plain"/> for <see cref="Fone"/>.</summary>
    public DataFormat Written => _create is null ? Plain : this;

    /// <summary>The digit format of <see cref="Written"/>.</summary>
    public DigitFormat Create(FormatOptions? options = null) => Written._create!(Written.Name, options ?? new FormatOptions());

    public override string ToString() => Name;
}
