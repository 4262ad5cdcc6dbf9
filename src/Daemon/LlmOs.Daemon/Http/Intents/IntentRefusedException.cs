namespace LlmOs.Daemon.Http.Intents;

/// <summary>A socket handler answered a dispatch with <c>{"error": …}</c>: its task fails with that message.</summary>
internal sealed class IntentRefusedException(string message) : Exception(message);
