namespace LlmOs.Daemon.Tests;

/// <summary>Tests that change environment variables of the test process: they run alone, never beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
