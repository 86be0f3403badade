namespace ArithLab.Torch.Nn;

/// <summary>What a non-strict <see cref="Module.LoadStateDict"/> left out: module keys the dict lacked, dict keys the module lacks.</summary>
public sealed record LoadStateDictResult(IReadOnlyList<string> MissingKeys, IReadOnlyList<string> UnexpectedKeys);
