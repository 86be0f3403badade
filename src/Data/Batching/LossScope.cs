namespace ArithLab.Data.Batching;

/// <summary>Which next-token targets count in the loss.</summary>
public enum LossScope
{
    /// <summary>Only the answer: every target token and the EOS after it.</summary>
    Answer,

    /// <summary>Every real token after BOS: prompt, target and EOS (never PAD).</summary>
    Sequence,
}
