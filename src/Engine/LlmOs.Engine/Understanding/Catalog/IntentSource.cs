namespace LlmOs.Engine.Understanding.Catalog;

/// <summary>Who handles an intent: a built-in skill of llmosd, or an app that registered it.</summary>
public enum IntentSource
{
    Builtin,
    App,
}
