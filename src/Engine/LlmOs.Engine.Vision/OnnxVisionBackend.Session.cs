using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using Microsoft.ML.OnnxRuntime;

namespace LlmOs.Engine.Vision;

public sealed partial class OnnxVisionBackend
{
    public const string CudaProvider = "CUDAExecutionProvider";
    public const string CpuProvider = "CPUExecutionProvider";

    /// <summary>
    /// CUDA when ONNX Runtime offers it (only the Microsoft.ML.OnnxRuntime.Gpu packages build it in) and a session can
    /// be made with it; the CPU otherwise. A missing driver or GPU makes appending the provider or making the session
    /// fail: that is logged and the CPU taken, never a failed load.
    /// </summary>
    private (InferenceSession Session, string Provider) CreateSession(ModelEntry model, int threads)
    {
        string[] available = OrtEnv.Instance().GetAvailableProviders();
        VisionLog.ProvidersAvailable(logger, string.Join(", ", available));
        if (available.Contains(CudaProvider, StringComparer.Ordinal))
        {
            try
            {
                using var cudaOptions = SessionOptionsFor(threads);
                cudaOptions.AppendExecutionProvider_CUDA(0);
                return (new InferenceSession(model.Path, cudaOptions), CudaProvider);
            }
            catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
            {
                VisionLog.CudaUnusable(logger, model.Name, e.Message);
            }
        }

        using var cpuOptions = SessionOptionsFor(threads);
        try
        {
            return (new InferenceSession(model.Path, cpuOptions), CpuProvider);
        }
        catch (OnnxRuntimeException e)
        {
            throw new EngineException(ErrorKind.ModelInvalid, $"'{model.Name}' ({model.Path}) is not a model ONNX Runtime can load: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EngineException(ErrorKind.ModelInvalid, $"the model file {model.Path} of '{model.Name}' cannot be read: {e.Message}");
        }
    }

    private static SessionOptions SessionOptionsFor(int threads)
    {
        var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };

        // Idle pool threads must sleep, not spin: a spinning thread takes CPU the text models need.
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return sessionOptions;
    }
}
