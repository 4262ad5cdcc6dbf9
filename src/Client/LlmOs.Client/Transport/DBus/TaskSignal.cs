using LlmOs.Ipc.Tasks;

namespace LlmOs.Client.Transport.DBus;

/// <summary>
/// One signal of a task object, read off the bus: <see cref="Text"/> for a delta (or a progress message),
/// <see cref="State"/> for a state change or the end, <see cref="Task"/> (the whole task) with <c>Finished</c>
/// when it could be decoded.
/// </summary>
internal sealed record TaskSignal(TaskSignalKind Kind, string Path, string? Text = null, string? State = null, double Fraction = 0, TaskDto? Task = null)
{
    public static readonly TaskSignal Ignored = new(TaskSignalKind.Ignored, "");
}
