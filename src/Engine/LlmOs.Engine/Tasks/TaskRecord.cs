using System.Text;
using LlmOs.Engine.Assistant;
using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Vision;

namespace LlmOs.Engine.Tasks;

/// <summary>
/// One submitted piece of work: who owns it, what it asks, where it stands, and its history.
/// All state changes go through this class so that the state, the result and the event log agree.
/// </summary>
// The token source has no timer and no registrations of its own, so it holds nothing to free:
// tasks are dropped by the retention sweep without a Dispose call.
#pragma warning disable CA1001
public sealed partial class TaskRecord
#pragma warning restore CA1001
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _time;

    /// <summary>A generation task.</summary>
    public TaskRecord(string id, uint ownerUid, string model, string prompt, GenerationOptions options, TimeProvider time)
        : this(id, TaskKind.Generate, ownerUid, model, time)
    {
        Prompt = prompt;
        Options = options;
    }

    /// <summary>An embedding task: one vector per text of <paramref name="inputs"/>.</summary>
    public TaskRecord(string id, uint ownerUid, string model, IReadOnlyList<string> inputs, TimeProvider time)
        : this(id, TaskKind.Embed, ownerUid, model, time)
    {
        Inputs = inputs;
    }

    /// <summary>An intent handed to <paramref name="handler"/>; its model is the handler's address.</summary>
    public TaskRecord(string id, IntentInvocation invocation, IIntentHandler handler, TimeProvider time)
        : this(id, TaskKind.Intent, invocation.CallerUid, handler.Address, time)
    {
        Invocation = invocation;
        Handler = handler;
    }

    /// <summary>An ask: an utterance to understand and act on; its model is the recogniser (<c>intents</c>).</summary>
    public TaskRecord(string id, AskRequest question, TimeProvider time)
        : this(id, TaskKind.Ask, question.CallerUid, AskModelName, time)
    {
        Question = question;
    }

    /// <summary>A classification: the <paramref name="top"/> best labels of <paramref name="model"/> for <paramref name="image"/>.</summary>
    public TaskRecord(string id, uint ownerUid, string model, RgbImage image, int top, TimeProvider time)
        : this(id, TaskKind.Classify, ownerUid, model, time)
    {
        Image = image;
        Top = top;
    }

    /// <summary>Text recognition of <paramref name="image"/> in <paramref name="language"/> (a tesseract language, "eng").</summary>
    public TaskRecord(string id, uint ownerUid, RgbImage image, string language, TimeProvider time)
        : this(id, TaskKind.Ocr, ownerUid, OcrModelName, time)
    {
        Image = image;
        OcrLanguage = language;
    }

    private TaskRecord(string id, TaskKind kind, uint ownerUid, string model, TimeProvider time)
    {
        Id = id;
        Kind = kind;
        OwnerUid = ownerUid;
        Model = model;
        _time = time;
        CreatedAt = time.GetUtcNow();
        Events.Append(new TaskEvent(TaskEventKind.Queued));
    }

    /// <summary>What ask tasks show as their model: the intent engine, which picks handlers and models itself.</summary>
    public const string AskModelName = "intents";

    /// <summary>What OCR tasks show as their model: the text recogniser.</summary>
    public const string OcrModelName = "tesseract";

    public string Id { get; }

    public TaskKind Kind { get; }

    public uint OwnerUid { get; }

    public string Model { get; }

    /// <summary>The prompt of a generation; empty for other kinds.</summary>
    public string Prompt { get; } = "";

    public GenerationOptions Options { get; } = new();

    /// <summary>The texts of an embedding task; empty for other kinds.</summary>
    public IReadOnlyList<string> Inputs { get; } = [];

    /// <summary>What an intent task asks, and of whom; null for other kinds.</summary>
    public IntentInvocation? Invocation { get; }

    public IIntentHandler? Handler { get; }

    /// <summary>The handler's answer once an intent task completed.</summary>
    public IntentReply? Reply { get; private set; }

    /// <summary>What an ask task asks; null for other kinds. Its image is let go once the task has finished.</summary>
    public AskRequest? Question { get; private set; }

    /// <summary>The answer once an ask task completed.</summary>
    public AskResult? Answer { get; private set; }

    /// <summary>
    /// The image of a classify or OCR task; null for other kinds, and once the task has finished: a finished task stays
    /// in the store for minutes, and must not hold tens of megabytes of pixels all that time.
    /// </summary>
    public RgbImage? Image { get; private set; }

    /// <summary>How many labels a classify task wants.</summary>
    public int Top { get; }

    /// <summary>The recognition language of an OCR task ("eng"); null for other kinds.</summary>
    public string? OcrLanguage { get; }

    /// <summary>The best labels, best first, once a classify task completed.</summary>
    public IReadOnlyList<LabelScore>? Labels { get; private set; }

    /// <summary>The text read, once an OCR task completed.</summary>
    public OcrResult? Reading { get; private set; }

    public TaskPriority Priority { get; init; } = TaskPriority.Interactive;

    /// <summary>The keep-alive this task asks of its model (see <see cref="TaskSubmission.KeepAlive"/>).</summary>
    public TimeSpan? KeepAlive { get; init; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public TaskState State { get; private set; }

    public GenerationResult? Result { get; private set; }

    /// <summary>The vectors of a completed embedding task.</summary>
    public EmbeddingResult? Embeddings { get; private set; }

    public TaskError? Error { get; private set; }

    public TaskEventLog Events { get; } = new();

    /// <summary>Cancelled when the task must stop: a client's cancel, a disconnect, or shutdown.</summary>
    public CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>Completes when the task has reached a final state.</summary>
    public Task Finished => _finished.Task;

    public bool IsFinished => State is TaskState.Completed or TaskState.Failed or TaskState.Cancelled;
}
