namespace ArithLab.Probes.Tests;

/// <summary>Tests sharing one trained <see cref="CopyModel"/>.</summary>
[CollectionDefinition(Name)]
public sealed class CopyModelCollection : ICollectionFixture<CopyModel>
{
    public const string Name = "Copy model";
}
