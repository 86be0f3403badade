using ArithLab.Torch.LowPrecision;

namespace ArithLab.Training.Config;

/// <summary>
/// The format of one tensor role under `precision.format` (`precision.weights`, `.activations`,
/// `.gradients`, `.attention`, `.optimizer_state`): `auto` (the recipe's default), `none`
/// (float32), a format name (<see cref="QuantFormat"/>), or `lmul` (attention only: L-Mul products).
/// </summary>
public sealed record RoleFormat
{
    private RoleFormat(RoleFormatChoice choice, QuantFormat? format)
    {
        Choice = choice;
        Format = format;
    }

    public static RoleFormat Auto { get; } = new(RoleFormatChoice.Auto, null);

    public static RoleFormat None { get; } = new(RoleFormatChoice.None, null);

    public static RoleFormat LMul { get; } = new(RoleFormatChoice.LMul, null);

    public static RoleFormat Of(QuantFormat format) => new(RoleFormatChoice.Format, format ?? throw new ArgumentNullException(nameof(format)));

    public static RoleFormat Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "auto" => Auto,
        "none" => None,
        "lmul" => LMul,
        _ => Of(QuantFormat.Parse(name)),
    };

    public RoleFormatChoice Choice { get; }

    /// <summary>The format when <see cref="Choice"/> is <see cref="RoleFormatChoice.Format"/>.</summary>
    public QuantFormat? Format { get; }

    public string Name => Choice switch
    {
        RoleFormatChoice.Auto => "auto",
        RoleFormatChoice.None => "none",
        RoleFormatChoice.LMul => "lmul",
        _ => Format!.Name,
    };

    public override string ToString() => Name;
}
