using LlmOs.Engine.Errors;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Vision;

namespace LlmOs.Engine.Scheduling;

public sealed partial class Scheduler
{
    /// <summary>
    /// Queues a classification of <paramref name="image"/> on the vision model <paramref name="model"/> names, or the
    /// default one, for its <paramref name="top"/> best labels (1 to 100). Concurrent classifications of one model share
    /// model runs. Throws <see cref="EngineException"/> for an unknown model, a model of another kind, no vision model,
    /// no vision backend, and when the queue is full.
    /// </summary>
    public TaskRecord SubmitClassify(uint ownerUid, RgbImage image, string? model, int top, TaskPriority priority)
    {
        _ = (ownerUid, image, model, top, priority, _vision);
        throw new EngineException(ErrorKind.Unsupported, "classification is not wired yet"); // placeholder: the engine helper builds it
    }

    /// <summary>
    /// Queues text recognition of <paramref name="image"/> in <paramref name="language"/> (a tesseract language; null for
    /// "eng"). OCR tasks queue fairly under the model <see cref="TaskRecord.OcrModelName"/> and run one at a time per core
    /// the daemon may use. Throws <see cref="EngineException"/> for an unknown language, no OCR engine, a full queue.
    /// </summary>
    public TaskRecord SubmitOcr(uint ownerUid, RgbImage image, string? language, TaskPriority priority)
    {
        _ = (ownerUid, image, language, priority, _ocr);
        throw new EngineException(ErrorKind.Unsupported, "OCR is not wired yet"); // placeholder: the engine helper builds it
    }
}
