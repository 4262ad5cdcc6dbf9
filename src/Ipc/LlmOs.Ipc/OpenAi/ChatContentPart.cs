namespace LlmOs.Ipc.OpenAi;

/// <summary>One part of an array content: its <c>type</c> (<c>text</c>, or one llmosd refuses such as <c>image_url</c>) and, for text, the text.</summary>
public sealed record ChatContentPart(string? Type, string? Text);
