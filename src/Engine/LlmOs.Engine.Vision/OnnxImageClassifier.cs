using LlmOs.Engine.Errors;
using Microsoft.ML.OnnxRuntime;

namespace LlmOs.Engine.Vision;

/// <summary>
/// An ONNX image classifier in an ONNX Runtime session. A call's images are preprocessed into one NCHW batch and run
/// together when the model's batch dimension is open (up to <see cref="MaxRunImages"/> per run), else in runs of the
/// model's fixed batch; softmax over each image's logits, then its top labels.
/// </summary>
public sealed partial class OnnxImageClassifier : IImageClassifier
{
    /// <summary>
    /// Images in one session run at most: throughput per image is flat well before this, while the activations ONNX
    /// Runtime's arena keeps grow with the batch (and stay at their largest).
    /// </summary>
    public const int MaxRunImages = 16;

    private readonly InferenceSession _session;
    private readonly ClassifierSignature _signature;
    private readonly ClassifierPreprocessing _preprocessing;
    private readonly string[] _labels;
    private readonly long _modelBytes;
    private float[]? _inputBuffer;
    private int _disposed;
    private int _sessionReleased;
    private int _active;

    internal OnnxImageClassifier(
        InferenceSession session, ClassifierSignature signature, ClassifierPreprocessing preprocessing, string[] labels, long modelBytes, string executionProvider)
    {
        _session = session;
        _signature = signature;
        _preprocessing = preprocessing;
        _labels = labels;
        _modelBytes = modelBytes;
        ExecutionProvider = executionProvider;
    }

    /// <summary>ONNX Runtime's name of the provider the session runs on: <c>CUDAExecutionProvider</c> or <c>CPUExecutionProvider</c>.</summary>
    public string ExecutionProvider { get; }

    /// <summary>The classes, in output order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>
    /// The weights as ONNX Runtime holds them plus the activations of the largest run, which its arena keeps once
    /// reached, plus this class's input buffer. Measured in a process that loaded MobileNetV2 int8 (3.5 MB file) with
    /// ONNX Runtime's library already in memory: 16 MB more resident after the load, 23 MB after runs of one image,
    /// 87 MB after runs of 16 (about 4 MB per image of a run, its 0.6 MB of input included). This says 4 × the file +
    /// 8 MB + 4.5 MB per image of a full run, the per-image part scaled by the input's area against 224 × 224: 94 MB
    /// for MobileNetV2. Wider networks need more per image; the figure is a floor for them, not a bound.
    /// </summary>
    public long MemoryBytes
    {
        get
        {
            double area = (double)_preprocessing.InputWidth * _preprocessing.InputHeight / (224 * 224);
            return (_modelBytes * 4) + (8L << 20) + (long)(RunImages(MaxRunImages) * area * (4.5 * (1 << 20)));
        }
    }

    public Task<IReadOnlyList<IReadOnlyList<LabelScore>>> ClassifyAsync(IReadOnlyList<RgbImage> images, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        ThrowIfDisposed();
        if (top < 1)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"top must be at least 1, not {top}", "top");
        }

        if (images.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<IReadOnlyList<LabelScore>>>([]);
        }

        // A run of MobileNetV2 takes milliseconds per image of CPU: off the caller's thread, like the embedder.
        return Task.Run<IReadOnlyList<IReadOnlyList<LabelScore>>>(() => ClassifyWhileOpen(images, Math.Min(top, _labels.Length), cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Marks the classifier disposed; the session is released now if nothing runs on it, else by the last call, once
    /// its current run ends (freeing a session under a run would crash the process). Those calls then throw
    /// <see cref="ObjectDisposedException"/>.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        // Interlocked on both sides (here and in ClassifyWhileOpen): either the call sees the flag, or this sees the call.
        Interlocked.Exchange(ref _disposed, 1);
        if (Interlocked.CompareExchange(ref _active, 0, 0) == 0)
        {
            ReleaseSession();
        }

        return ValueTask.CompletedTask;
    }

    private IReadOnlyList<LabelScore>[] ClassifyWhileOpen(IReadOnlyList<RgbImage> images, int top, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _active);
        try
        {
            ThrowIfDisposed();
            return Classify(images, top, cancellationToken);
        }
        finally
        {
            if (Interlocked.Decrement(ref _active) == 0 && Volatile.Read(ref _disposed) != 0)
            {
                ReleaseSession();
            }
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private void ReleaseSession()
    {
        if (Interlocked.Exchange(ref _sessionReleased, 1) == 0)
        {
            _session.Dispose();
        }
    }

    /// <summary>Images per session run for a call of <paramref name="count"/> images.</summary>
    private int RunImages(int count) => _signature.BatchSize > 0 ? _signature.BatchSize : Math.Min(count, MaxRunImages);
}
