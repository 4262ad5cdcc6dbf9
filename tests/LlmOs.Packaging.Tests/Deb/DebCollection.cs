namespace LlmOs.Packaging.Tests.Deb;

/// <summary>The tests that share one built .deb (and, for the install test, this machine's package database).</summary>
[CollectionDefinition(Name)]
public sealed class DebCollection : ICollectionFixture<DebPackageFixture>
{
    public const string Name = "deb";
}
