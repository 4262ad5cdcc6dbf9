using System.Numerics.Tensors;
using LlmOs.Engine.Errors;
using Microsoft.ML.OnnxRuntime;

namespace LlmOs.Engine.Vision;

public sealed partial class OnnxImageClassifier
{
    private IReadOnlyList<LabelScore>[] Classify(IReadOnlyList<RgbImage> images, int top, CancellationToken cancellationToken)
    {
        var results = new IReadOnlyList<LabelScore>[images.Count];
        int perRun = RunImages(images.Count);
        int imageFloats = _preprocessing.ImageFloats;
        float[] input = TakeInputBuffer(perRun * imageFloats);
        try
        {
            using var runOptions = new RunOptions();
            using (cancellationToken.Register(() => runOptions.Terminate = true))
            {
                for (int start = 0; start < images.Count; start += perRun)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    ThrowIfDisposed();
                    int count = Math.Min(perRun, images.Count - start);
                    for (int i = 0; i < count; i++)
                    {
                        ArgumentNullException.ThrowIfNull(images[start + i], nameof(images));
                        ImageTensor.Write(images[start + i], _preprocessing, input.AsSpan(i * imageFloats, imageFloats));
                    }

                    // A fixed batch larger than what is left runs with blank images in the empty slots.
                    input.AsSpan(count * imageFloats, (perRun - count) * imageFloats).Clear();
                    Run(input.AsMemory(0, perRun * imageFloats), perRun, results.AsSpan(start, count), top, runOptions, cancellationToken);
                }
            }
        }
        finally
        {
            // Kept for the next call: the input of a full run is 10 MB, too big to allocate per call, and the shared
            // array pool would keep one per thread that ever returned one.
            Interlocked.Exchange(ref _inputBuffer, input);
        }

        return results;
    }

    /// <summary>One session run over <paramref name="batch"/> preprocessed images, of which the first <paramref name="results"/>.Length are wanted.</summary>
    private void Run(Memory<float> input, int batch, Span<IReadOnlyList<LabelScore>> results, int top, RunOptions runOptions, CancellationToken cancellationToken)
    {
        long[] shape = [batch, 3, _preprocessing.InputHeight, _preprocessing.InputWidth];
        using var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input, shape);
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(runOptions, [_signature.InputName], [inputValue], [_signature.OutputName]);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            // RunOptions.Terminate makes the run fail; the caller asked for that.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OnnxRuntimeException e)
        {
            throw new EngineException(ErrorKind.Internal, $"the classifier failed to run: {e.Message}");
        }

        using (outputs)
        {
            var scores = outputs[0].GetTensorDataAsSpan<float>(); // [batch, classes]
            int classes = _signature.Classes;
            if (scores.Length != batch * classes)
            {
                // The declared output shape is what the labels were matched against; a model may still lie about it.
                throw new EngineException(ErrorKind.ModelInvalid, $"the classifier gave {scores.Length} values for {batch} image(s) of {classes} classes");
            }

            var probabilities = new float[classes];
            for (int i = 0; i < results.Length; i++)
            {
                var logits = scores.Slice(i * classes, classes);
                if (_preprocessing.OutputsProbabilities)
                {
                    logits.CopyTo(probabilities);
                }
                else
                {
                    TensorPrimitives.SoftMax(logits, probabilities);
                }

                results[i] = TopLabels.Pick(probabilities, _labels, top);
            }
        }
    }

    private float[] TakeInputBuffer(int floats)
    {
        float[]? kept = Interlocked.Exchange(ref _inputBuffer, null);
        return kept is not null && kept.Length >= floats ? kept : new float[floats];
    }
}
