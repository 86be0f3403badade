namespace ArithLab.Training.Config;

/// <summary>Reads and replaces one nested record inside an immutable <see cref="ExperimentConfig"/>.</summary>
internal sealed record ConfigLens<T>(Func<ExperimentConfig, T> Get, Func<ExperimentConfig, T, ExperimentConfig> Set)
{
    /// <summary>A lens on a record inside this one.</summary>
    public ConfigLens<TInner> Then<TInner>(Func<T, TInner> get, Func<T, TInner, T> set) =>
        new(c => get(Get(c)), (c, inner) => Set(c, set(Get(c), inner)));

    /// <summary>A config key for one property of the record this lens points at.</summary>
    /// <param name="keepsEarlierBehaviour">For a key added with a default that changes results: whether the record runs as before the key existed (<see cref="ConfigKey.KeepsEarlierBehaviour"/>).</param>
    public ConfigKey Key<TValue>(string path, ValueKind kind, string doc, Func<T, TValue> get, Func<T, TValue, T> set, bool required = false, Func<T, bool>? keepsEarlierBehaviour = null)
        where TValue : notnull =>
        new(path, kind, doc, c => get(Get(c)), (c, v) => Set(c, set(Get(c), (TValue)v)), required,
            keepsEarlierBehaviour is null ? null : c => keepsEarlierBehaviour(Get(c)));

    /// <summary>A write-only shorthand key that sets several properties at once.</summary>
    public ConfigKey Shorthand<TValue>(string path, ValueKind kind, string doc, Func<T, TValue, T> set)
        where TValue : notnull =>
        new(path, kind, doc, null, (c, v) => Set(c, set(Get(c), (TValue)v)));
}
