using LlmOs.Daemon.Configuration;
using LlmOs.Engine.Hardware;

namespace LlmOs.Daemon.Hosting;

/// <summary>
/// What the machine offers models, looked up once at start: the RAM budget (configured, else a share of
/// MemAvailable) and the NVIDIA GPUs with their free memory (none, quietly, without a driver).
/// </summary>
internal sealed class MachineResources
{
    public MachineResources(DaemonSettings settings)
    {
        Gpus = NvidiaGpus.Detect();
        MemoryBudgetBytes = settings.MemoryBudgetMiB > 0
            ? settings.MemoryBudgetMiB << 20
            : (long)(SystemMemory.Available() * Math.Clamp(settings.MemoryFraction, 0.05, 1.0));
        GpuBudgetBytes = (long)(Gpus.Sum(g => g.FreeBytes) * Math.Clamp(settings.GpuMemoryFraction, 0, 1.0));
    }

    public IReadOnlyList<GpuInfo> Gpus { get; }

    /// <summary>Where models run: "cpu", or the GPUs' names when a GPU and a GPU-capable backend are present.</summary>
    public string Accelerator { get; set; } = "cpu";

    public long MemoryBudgetBytes { get; }

    public long GpuBudgetBytes { get; }
}
