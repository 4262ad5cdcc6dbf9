namespace LlmOs.Ipc.Ask;

/// <summary>Where a catalog intent comes from.</summary>
public static class IntentSources
{
    public const string Builtin = "builtin";
    public const string App = "app";
}
