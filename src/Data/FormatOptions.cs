namespace ArithLab.Data;

/// <summary>Options shared by the named formats; each format reads the ones that apply to it.</summary>
/// <param name="Spaces">Plain-line formats: a space token between every two tokens.</param>
/// <param name="PadWidth">"padded": operand width in digits.</param>
/// <param name="HintSeed">"index-hints", "index-hints-mcleish", "sorting-mcleish": salts the per-example hint offset.</param>
/// <param name="HintOffset">"index-hints", "index-hints-mcleish", "sorting-mcleish": one fixed offset into the character cycle instead of the hash (worked examples).</param>
public sealed record FormatOptions(bool Spaces = false, int PadWidth = 10, ulong HintSeed = 0, int? HintOffset = null);
