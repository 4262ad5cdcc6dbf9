using LlmOs.Engine.Models;

namespace LlmOs.Engine.Vision;

/// <summary>Loads the registry's <see cref="ModelKind.Vision"/> models (ONNX image classifiers with their labels).</summary>
public interface IVisionBackend
{
    /// <summary>
    /// Loads <paramref name="model"/> (its file and <see cref="ModelEntry.LabelsPath"/>). A file that is not a usable
    /// classifier, or labels that do not match its outputs, throw <see cref="Errors.EngineException"/> with
    /// <see cref="Errors.ErrorKind.ModelInvalid"/>.
    /// </summary>
    Task<IImageClassifier> LoadAsync(ModelEntry model, CancellationToken cancellationToken);
}
