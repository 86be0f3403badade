namespace ArithLab.Data.Batching;

/// <summary>
/// One padded batch as plain row-major arrays, B = <see cref="Size"/> rows of W = <see cref="Width"/>
/// columns (W = the longest sequence of this batch). Row b holds [BOS] prompt target [EOS] then PAD;
/// <c>Targets[b, i]</c> is the token at i + 1 (PAD after the last). The arrays are reused by the
/// stream that filled them: only the first B·W (B·W·D for digits) entries are meaningful.
/// </summary>
public sealed class Batch
{
    internal Batch(int capacity, int maxLength, int foneDigits)
    {
        var cells = capacity * maxLength;
        TokenIds = new int[cells];
        PositionIds = new int[cells];
        Targets = new int[cells];
        LossMask = new float[cells];
        Lengths = new int[capacity];
        PromptLengths = new int[capacity];
        FoneDigits = foneDigits;
        if (foneDigits > 0)
        {
            NumberValues = new double[cells];
            NumberMask = new float[cells];
            NumberDigits = new int[cells * foneDigits];
            TargetDigits = new int[cells * foneDigits];
        }
    }

    /// <summary>Rows (B).</summary>
    public int Size { get; internal set; }

    /// <summary>Columns (W): the longest sequence in the batch.</summary>
    public int Width { get; internal set; }

    /// <summary>(B, W) token ids; PAD = <see cref="Vocabulary.PadId"/> after each sequence.</summary>
    public int[] TokenIds { get; }

    /// <summary>(B, W) position ids of the chosen scheme; 0 for BOS, EOS and PAD under Abacus and coupled.</summary>
    public int[] PositionIds { get; }

    /// <summary>(B, W) next-token targets: TokenIds shifted left by one, PAD at the end.</summary>
    public int[] Targets { get; }

    /// <summary>(B, W) 1 where the target counts in the loss, else 0 (always 0 on PAD).</summary>
    public float[] LossMask { get; }

    /// <summary>(B) tokens per row, BOS and EOS included.</summary>
    public int[] Lengths { get; }

    /// <summary>(B) prompt tokens per row, BOS excluded: the answer starts at column PromptLengths[b] + 1.</summary>
    public int[] PromptLengths { get; }

    /// <summary>FoNE: D, the digit classes per number; 0 when FoNE is off.</summary>
    public int FoneDigits { get; }

    /// <summary>FoNE (B, W): the value of the number at each [NUM] token (exact up to 2^53), 0 elsewhere.</summary>
    public double[]? NumberValues { get; }

    /// <summary>FoNE (B, W): 1 at [NUM] tokens, 0 elsewhere (a value of 0 is a real number, so use this mask).</summary>
    public float[]? NumberMask { get; }

    /// <summary>FoNE (B, W, D): digit j (least significant first) of the number at each [NUM] input token, −1 elsewhere.</summary>
    public int[]? NumberDigits { get; }

    /// <summary>
    /// FoNE (B, W, D): the digit classes the decoding head must predict at column i — the digits of
    /// the [NUM] token at i + 1 — where that target is in the loss; −1 elsewhere (an ignore index).
    /// </summary>
    public int[]? TargetDigits { get; }

    /// <summary>The flat index of (row, column).</summary>
    public int Index(int row, int column) => row * Width + column;

    /// <summary>One row of a (B, W) array, e.g. <c>batch.Row(batch.TokenIds, 0)</c>.</summary>
    public ReadOnlySpan<T> Row<T>(T[] array, int row)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Size);
        return array.AsSpan(row * Width, Width);
    }
}
