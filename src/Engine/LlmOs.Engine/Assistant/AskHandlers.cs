namespace LlmOs.Engine.Assistant;

/// <summary>The names an ask result gives for who handled it.</summary>
public static class AskHandlers
{
    /// <summary>A built-in skill that answers by itself (clock, timers, calculator, desktop actions).</summary>
    public const string Skill = "skill";

    /// <summary>A built-in skill that answered through the language model (chat, translate, summarise, write).</summary>
    public const string LanguageModel = "llm";

    /// <summary>An app's registered handler: <c>app:</c> and its address (bus name and object path, or socket stream).</summary>
    public const string AppPrefix = "app:";

    public static string App(string address) => AppPrefix + address;
}
