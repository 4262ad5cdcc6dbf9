using System.Collections.Concurrent;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Vision;

namespace LlmOs.Engine.Scheduling;

public sealed partial class Scheduler
{
    /// <summary>The most labels a classification may ask for.</summary>
    public const int MaxTop = 100;

    /// <summary>The OCR language when a request names none.</summary>
    public const string DefaultOcrLanguage = "eng";

    private readonly ConcurrentDictionary<string, VisionWorker> _visionWorkers = new(StringComparer.Ordinal);
    private readonly Lock _visionWorkersGate = new();
    private OcrWorker? _ocrWorker;

    /// <summary>
    /// Queues a classification of <paramref name="image"/> on the vision model <paramref name="model"/> names, or the
    /// default one, for its <paramref name="top"/> best labels (1 to 100). Concurrent classifications of one model share
    /// model runs. Throws <see cref="EngineException"/> for an unknown model, a model of another kind, no vision model,
    /// no vision backend, and when the queue is full.
    /// </summary>
    public TaskRecord SubmitClassify(uint ownerUid, RgbImage image, string? model, int top, TaskPriority priority)
    {
        ArgumentNullException.ThrowIfNull(image);
        var backend = _vision ?? throw new EngineException(ErrorKind.Unsupported, "this daemon has no image classifier backend");
        if (top is < 1 or > MaxTop)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"top must be 1 to {MaxTop}", "options.top");
        }

        var entry = _registry.ResolveVision(model);
        var task = Admit(ownerUid, id => new TaskRecord(id, ownerUid, entry.Name, image, top, _time) { Priority = priority });
        VisionWorkerFor(entry, backend).Wake();
        return task;
    }

    /// <summary>
    /// Queues text recognition of <paramref name="image"/> in <paramref name="language"/> (a tesseract language; null for
    /// "eng"). OCR tasks queue fairly under the model <see cref="TaskRecord.OcrModelName"/> and run at most
    /// <see cref="SchedulerOptions.OcrConcurrency"/> at once. Throws <see cref="EngineException"/> for an unknown language,
    /// no OCR engine, a full queue.
    /// </summary>
    public TaskRecord SubmitOcr(uint ownerUid, RgbImage image, string? language, TaskPriority priority)
    {
        ArgumentNullException.ThrowIfNull(image);
        var engine = _ocr ?? throw new EngineException(ErrorKind.Unsupported, "this daemon has no OCR engine");
        language ??= DefaultOcrLanguage;
        var installed = engine.Languages;
        if (!installed.Contains(language, StringComparer.Ordinal))
        {
            throw new EngineException(
                ErrorKind.InvalidInput,
                installed.Count == 0
                    ? $"no OCR language '{language}': no language data is installed (Debian: tesseract-ocr-eng)"
                    : $"no OCR language '{language}'; installed: {string.Join(", ", installed)}",
                "options.language");
        }

        var task = Admit(ownerUid, id => new TaskRecord(id, ownerUid, image, language, _time) { Priority = priority });
        OcrWorkerFor(engine).Wake();
        return task;
    }

    /// <summary>The OCR languages installed, as tesseract names them ("eng", "spa"); empty when this daemon has no OCR engine.</summary>
    public IReadOnlyList<string> OcrLanguages => _ocr?.Languages ?? [];

    /// <summary>The load state of an image classifier (what <see cref="StateOf(string)"/> is for text models).</summary>
    public ModelWorkerState VisionStateOf(string model) =>
        _visionWorkers.TryGetValue(model, out var worker) ? worker.State : ModelWorkerState.Unloaded;

    /// <summary>
    /// Stops the vision and OCR workers: tasks still running are cancelled, and each classifier is unloaded.
    /// For shutdown, after new work is refused and the running tasks had their grace period.
    /// </summary>
    internal async ValueTask DisposeVisionAsync()
    {
        List<VisionWorker> workers;
        OcrWorker? ocr;
        lock (_visionWorkersGate)
        {
            workers = [.. _visionWorkers.Values];
            _visionWorkers.Clear();
            ocr = _ocrWorker;
            _ocrWorker = null;
        }

        foreach (var worker in workers)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }

        if (ocr is not null)
        {
            await ocr.DisposeAsync().ConfigureAwait(false);
        }
    }

    private IEnumerable<ResidentModel?> VisionResident() => _visionWorkers.Values.Select(w => w.Describe());

    /// <summary>One worker per model, made under a lock so that racing first requests never start two.</summary>
    private VisionWorker VisionWorkerFor(ModelEntry entry, IVisionBackend backend)
    {
        if (_visionWorkers.TryGetValue(entry.Name, out var worker))
        {
            return worker;
        }

        lock (_visionWorkersGate)
        {
            return _visionWorkers.GetOrAdd(entry.Name, _ => new VisionWorker(entry, backend, this, _residency, _options, _metrics, _time, _logger));
        }
    }

    private OcrWorker OcrWorkerFor(IOcrEngine engine)
    {
        lock (_visionWorkersGate)
        {
            return _ocrWorker ??= new OcrWorker(engine, this, _options, _time, _logger);
        }
    }
}
