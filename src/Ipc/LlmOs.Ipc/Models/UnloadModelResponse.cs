namespace LlmOs.Ipc.Models;

/// <summary><c>POST /v1/models/{name}/unload</c>: whether the model was loaded (and now is not).</summary>
public sealed record UnloadModelResponse(string Name, bool Unloaded);
