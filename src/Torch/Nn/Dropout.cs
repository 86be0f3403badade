namespace ArithLab.Torch.Nn;

/// <summary>Inverted dropout with probability <see cref="P"/> while <see cref="Module.Training"/>; the identity in eval mode.</summary>
public sealed class Dropout : Module<Tensor, Tensor>
{
    public Dropout(double p = 0.5)
    {
        if (p is < 0 or > 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be in [0, 1]");
        }
        P = p;
    }

    public double P { get; }

    public override Tensor Forward(Tensor input) => Functional.Dropout(input, P, Training);

    protected override string ExtraRepr() => FormattableString.Invariant($"p={P}");
}
