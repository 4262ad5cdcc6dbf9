using LlmOs.Ipc.Models;

namespace LlmOs.Ipc.Health;

/// <summary><c>GET /v1/status</c>: what the daemon is and what it is doing.</summary>
public sealed record StatusResponse(
    string Version,
    string Mode,
    string Socket,
    double UptimeS,
    IReadOnlyList<ModelDto> Models,
    int QueueDepth,
    int RunningTasks,
    ClientUsageDto? Usage = null);
