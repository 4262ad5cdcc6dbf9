using System.Runtime.InteropServices;
using System.Text;

namespace LlmOs.Engine.Hardware;

/// <summary>
/// Finds NVIDIA GPUs through NVML (libnvidia-ml.so.1, which the NVIDIA driver installs) when it is there, and
/// finds none, quietly, when it is not: no package depends on the driver, and a machine without a GPU is normal.
/// </summary>
public static class NvidiaGpus
{
    private const string Library = "libnvidia-ml.so.1";

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int Init();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int Shutdown();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int GetCount(out uint count);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int GetHandle(uint index, out IntPtr device);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int GetMemory(IntPtr device, out Memory memory);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int GetName(IntPtr device, byte[] name, uint length);

    /// <summary>The GPUs found; empty when there is no NVIDIA driver or it reports an error.</summary>
    public static IReadOnlyList<GpuInfo> Detect()
    {
        if (!NativeLibrary.TryLoad(Library, out var library))
        {
            return [];
        }

        try
        {
            return Query(library);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or MarshalDirectiveException)
        {
            return [];
        }
        finally
        {
            NativeLibrary.Free(library);
        }
    }

    private static List<GpuInfo> Query(IntPtr library)
    {
        T Get<T>(string name) where T : Delegate => Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(library, name));

        if (Get<Init>("nvmlInit_v2")() != 0)
        {
            return [];
        }

        var gpus = new List<GpuInfo>();
        try
        {
            if (Get<GetCount>("nvmlDeviceGetCount_v2")(out uint count) != 0)
            {
                return gpus;
            }

            var handle = Get<GetHandle>("nvmlDeviceGetHandleByIndex_v2");
            var memory = Get<GetMemory>("nvmlDeviceGetMemoryInfo");
            var name = Get<GetName>("nvmlDeviceGetName");
            for (uint i = 0; i < count; i++)
            {
                if (handle(i, out var device) != 0 || memory(device, out var info) != 0)
                {
                    continue;
                }

                var buffer = new byte[96];
                string label = name(device, buffer, (uint)buffer.Length) == 0 ? Encoding.UTF8.GetString(buffer).TrimEnd('\0') : "NVIDIA GPU";
                gpus.Add(new GpuInfo((int)i, label, (long)info.Total, (long)info.Free));
            }
        }
        finally
        {
            Get<Shutdown>("nvmlShutdown")();
        }

        return gpus;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Memory
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }
}
