using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Vision;

/// <summary>Placeholder: the vision helper replaces it with ONNX Runtime classification.</summary>
public sealed class OnnxVisionBackend(OnnxVisionOptions options, ILogger<OnnxVisionBackend> logger) : IVisionBackend
{
    public Task<IImageClassifier> LoadAsync(ModelEntry model, CancellationToken cancellationToken)
    {
        _ = (options, logger);
        throw new EngineException(ErrorKind.Unsupported, "classification is not built yet");
    }
}
