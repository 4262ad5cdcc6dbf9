namespace LlmOs.Engine.Models;

/// <summary>The file is not a usable GGUF model; the message says why in words a user can act on.</summary>
public sealed class GgufFormatException(string message) : Exception(message);
