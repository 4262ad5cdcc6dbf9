using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Hosting;
using LlmOs.Daemon.Http;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Ipc.Health;
using LlmOs.Ipc.Models;

namespace LlmOs.Daemon.Requests;

/// <summary>The daemon's state as clients read it (<c>/v1/status</c> and <c>/v1/ps</c>, D-Bus GetStatus and GetResidentModels): one builder for both transports.</summary>
internal sealed class StatusReporter(DaemonInfo info, DaemonSettings settings, ModelRegistry registry, Scheduler scheduler, MachineResources machine)
{
    /// <summary>Version, mode, models, queue, and the usage of <paramref name="callerUid"/>.</summary>
    public StatusResponse Status(uint callerUid) => new(
        info.Version,
        settings.Mode == DaemonMode.System ? "system" : "user",
        settings.Socket,
        info.Uptime.TotalSeconds,
        [.. registry.List().Select(m => DtoMapper.ToDto(m, scheduler.StateOf(m)))],
        scheduler.QueueDepth,
        scheduler.RunningCount,
        DtoMapper.ToDto(scheduler.UsageFor(callerUid)));

    /// <summary>The loaded models, the memory budget and what of it is taken, and the GPUs.</summary>
    public PsResponse Resident() => new(
        [.. scheduler.Resident().Select(DtoMapper.ToDto)],
        scheduler.MemoryBudgetBytes,
        scheduler.MemoryReservedBytes,
        [.. machine.Gpus.Select(g => new GpuDto(g.Index, g.Name, g.TotalBytes, g.FreeBytes))],
        machine.Accelerator);
}
