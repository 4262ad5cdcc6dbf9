namespace LlmOs.Ipc.Health;

/// <summary><c>GET /v1/health</c>.</summary>
public sealed record HealthResponse(string Status, string Version, double UptimeS);
