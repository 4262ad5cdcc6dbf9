using System.Diagnostics;
using System.Globalization;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Vision;

/// <summary>
/// Loads ONNX image classifiers (<see cref="ModelKind.Vision"/> models) into ONNX Runtime sessions: the model's
/// signature is checked, its labels read and matched against its outputs, and its preprocessing taken from its
/// metadata, a sidecar or the ImageNet defaults (<see cref="ClassifierPreprocessing"/>). Runs on CUDA when ONNX
/// Runtime offers it, else on the CPU.
/// </summary>
public sealed partial class OnnxVisionBackend(OnnxVisionOptions options, ILogger<OnnxVisionBackend> logger) : IVisionBackend
{
    public async Task<IImageClassifier> LoadAsync(ModelEntry model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Kind != ModelKind.Vision)
        {
            throw new EngineException(ErrorKind.Unsupported, $"the vision backend loads vision models, and '{model.Name}' is a {model.Kind} model");
        }

        // Building the session optimises the graph: tens of milliseconds of CPU, off the caller's thread.
        return await Task.Run(() => Load(model, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private OnnxImageClassifier Load(ModelEntry model, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            var file = new FileInfo(model.Path);
            if (!file.Exists)
            {
                throw new EngineException(ErrorKind.ModelInvalid, $"the model file {model.Path} of '{model.Name}' does not exist");
            }

            string[] labels = ClassifierLabels.Load(model.Name, model.LabelsPath);
            cancellationToken.ThrowIfCancellationRequested();
            int threads = options.EffectiveThreads;
            var (session, provider) = CreateSession(model, threads);
            try
            {
                var signature = ClassifierSignature.Read(session, model.Name);
                if (labels.Length != signature.Classes)
                {
                    throw new EngineException(
                        ErrorKind.ModelInvalid,
                        $"the labels file {model.LabelsPath} names {labels.Length} classes but '{model.Name}' has {signature.Classes} outputs");
                }

                var preprocessing = ClassifierPreprocessing.Resolve(session.ModelMetadata.CustomMetadataMap, model.Path, signature);
                VisionLog.ModelLoaded(
                    logger, model.Name, provider, threads, signature.Classes, preprocessing.InputWidth, preprocessing.InputHeight, preprocessing.Resize,
                    Join(preprocessing.Mean), Join(preprocessing.Std), preprocessing.ChannelOrder.ToString().ToUpperInvariant(),
                    signature.BatchSize > 0 ? signature.BatchSize.ToString(CultureInfo.InvariantCulture) : "open",
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return new OnnxImageClassifier(session, signature, preprocessing, labels, file.Length, provider);
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }
        catch (EngineException e)
        {
            VisionLog.LoadFailed(logger, model.Name, e.Message);
            throw;
        }
    }

    private static string Join(float[] values) =>
        "[" + string.Join(", ", values.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture))) + "]";
}
