namespace LlmOs.Ipc.Capabilities;

/// <summary>One kind of work: its <c>state</c> (<see cref="CapabilityStates"/>), the models that do it, and why, in words.</summary>
public sealed record CapabilityDto(string State, IReadOnlyList<string> Models, string Detail);
