namespace LlmOs.Client;

/// <summary>No daemon answers on the socket: it is not running, or this user may not reach it.</summary>
public sealed class LlmosUnreachableException(string socketPath, string reason, Exception? inner = null)
    : LlmosException("unreachable", $"cannot reach llmosd at {socketPath}: {reason}", inner: inner)
{
    public string SocketPath { get; } = socketPath;
}
