namespace LlmOs.Ctl.Top;

/// <summary>How many tasks of a kind ended with an outcome.</summary>
internal sealed record TaskCount(string Kind, string Outcome, double Count);
