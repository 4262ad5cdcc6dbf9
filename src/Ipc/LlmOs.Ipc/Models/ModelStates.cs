namespace LlmOs.Ipc.Models;

/// <summary>Values of <see cref="ModelDto.State"/>.</summary>
public static class ModelStates
{
    public const string Unloaded = "unloaded";
    public const string Loading = "loading";
    public const string Loaded = "loaded";
    public const string Invalid = "invalid";
}
