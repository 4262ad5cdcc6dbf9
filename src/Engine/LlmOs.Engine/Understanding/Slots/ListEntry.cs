namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// One entry of a slot list: the words that name it (lower case, as a person says them), the value a handler gets
/// (a desktop id, a language code), and a label for replies ("Terminal", "French").
/// </summary>
public sealed record ListEntry(string Spoken, string Value, string Label);
