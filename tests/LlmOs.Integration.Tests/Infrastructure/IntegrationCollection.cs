namespace LlmOs.Integration.Tests.Infrastructure;

/// <summary>
/// All integration tests run one after another: each starts real daemons that use both cores, and
/// timing-sensitive assertions (cancel within a second) must not compete with another test's model.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IntegrationCollection
{
    public const string Name = "integration";
}
