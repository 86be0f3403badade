namespace ArithLab.Models;

/// <summary>The feed-forward non-linearity. The GLU variants split the first projection in two halves: act(gate) * up (Shazeer 2020).</summary>
public enum Activation
{
    Gelu,
    Relu,
    SwiGlu,
    GeGlu,
}
