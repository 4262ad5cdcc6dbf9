using LlmOs.Client.Speech;
using LlmOs.Ipc.Ask;
using LlmOs.Ipc.Capabilities;
using LlmOs.Ipc.Errors;
using LlmOs.Ipc.Events;
using LlmOs.Ipc.Health;
using LlmOs.Ipc.Intents;
using LlmOs.Ipc.Models;
using LlmOs.Ipc.Speech;
using LlmOs.Ipc.Tasks;
using LlmOs.Ipc.Vision;

namespace LlmOs.Client;

/// <summary>
/// How a client reaches the daemon. The Unix-socket transport implements it today; a D-Bus transport
/// will implement the same operations, so <see cref="LlmosClient"/> and its users do not change.
/// Failures are <see cref="LlmosException"/>s; an absent daemon is <see cref="LlmosUnreachableException"/>.
/// </summary>
public interface ILlmosTransport : IDisposable
{
    Task<HealthResponse> GetHealthAsync(CancellationToken cancellationToken);

    Task<StatusResponse> GetStatusAsync(CancellationToken cancellationToken);

    Task<ModelListResponse> ListModelsAsync(CancellationToken cancellationToken);

    Task<ModelDto> AddModelAsync(AddModelRequest request, CancellationToken cancellationToken);

    Task<PsResponse> GetPsAsync(CancellationToken cancellationToken);

    Task<ResidentModelDto> LoadModelAsync(string name, LoadModelRequest request, CancellationToken cancellationToken);

    Task<UnloadModelResponse> UnloadModelAsync(string name, CancellationToken cancellationToken);

    /// <summary>Queues a task and returns it at once, or when <paramref name="wait"/> is set, once it has finished.</summary>
    Task<TaskDto> SubmitAsync(TaskSubmitRequest request, bool wait, CancellationToken cancellationToken);

    /// <summary>Queues a task and streams its events; ending the enumeration early cancels the task.</summary>
    IAsyncEnumerable<TaskStreamEvent> SubmitStreamingAsync(TaskSubmitRequest request, CancellationToken cancellationToken);

    Task<TaskDto> GetTaskAsync(string id, CancellationToken cancellationToken);

    Task<TaskListResponse> ListTasksAsync(CancellationToken cancellationToken);

    Task<TaskDto> CancelTaskAsync(string id, CancellationToken cancellationToken);

    /// <summary>Replays a task's events so far, then follows it to its end.</summary>
    IAsyncEnumerable<TaskStreamEvent> FollowTaskAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// POSTs a JSON body to an endpoint given by its path (<c>v1/chat/completions</c>, <c>v1/embeddings</c>: the OpenAI-compatible
    /// ones, whose bodies the caller shapes) and returns the answer's body to read as it arrives, a whole JSON document or a stream
    /// of events. Disposing the stream closes the connection, which cancels a task still running for it. A refusal throws
    /// <see cref="LlmosException"/> with the error's code, whether the daemon answered in its own or in OpenAI's error shape.
    /// </summary>
    Task<Stream> PostJsonAsync(string path, ReadOnlyMemory<byte> json, CancellationToken cancellationToken);

    /// <summary>The daemon's figures in the Prometheus text format, as <c>GET /metrics</c> answers them.</summary>
    Task<string> GetMetricsTextAsync(CancellationToken cancellationToken);

    /// <summary>Each kind of work and whether it is ready, available, needs a model or is unavailable (<c>GET /v1/capabilities</c>, D-Bus <c>GetCapabilities</c>).</summary>
    Task<CapabilitiesResponse> GetCapabilitiesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The intent handlers registered that the caller can reach (<c>GET /v1/intents</c>). A transport whose daemon interface
    /// has no such listing (D-Bus has none) keeps this default, which refuses with <c>unsupported</c>.
    /// </summary>
    Task<IntentListResponse> ListIntentsAsync(CancellationToken cancellationToken) =>
        throw new LlmosException(ErrorCodes.Unsupported, "this transport cannot list intent registrations; use the socket");

    /// <summary>Understands an utterance and runs what it asks (<c>POST /v1/ask</c>, D-Bus <c>Ask</c>); cancelling cancels the ask.</summary>
    Task<AskResultDto> AskAsync(AskRequestDto request, CancellationToken cancellationToken) =>
        throw new LlmosException(ErrorCodes.Unsupported, "this transport cannot ask");

    /// <summary>
    /// Asks about an image (<c>POST /v1/ask</c> with <c>image</c>, D-Bus <c>Ask</c> with <c>image</c> or <c>AskFd</c>). By default
    /// the image travels in <paramref name="request"/> as base64; a transport with a better way (a file descriptor) overrides it.
    /// </summary>
    async Task<AskResultDto> AskAsync(AskRequestDto request, LlmosImage? image, CancellationToken cancellationToken) =>
        await AskAsync(image is null ? request : request with { Image = await image.ReadBase64Async(cancellationToken).ConfigureAwait(false) }, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>
    /// Classifies an image with a vision model (<c>POST /v1/images/classify</c>, D-Bus <c>Classify</c>/<c>ClassifyFd</c>): its
    /// <paramref name="top"/> labels, best first. Cancelling cancels the task.
    /// </summary>
    Task<ClassifyResponse> ClassifyImageAsync(LlmosImage image, string? model, int? top, CancellationToken cancellationToken) =>
        throw new LlmosException(ErrorCodes.Unsupported, "this transport cannot classify images");

    /// <summary>Reads the text in an image (<c>POST /v1/images/ocr</c>, D-Bus <c>Ocr</c>/<c>OcrFd</c>). Cancelling cancels the task.</summary>
    Task<OcrResponse> ReadImageTextAsync(LlmosImage image, string? language, CancellationToken cancellationToken) =>
        throw new LlmosException(ErrorCodes.Unsupported, "this transport cannot read text in images");

    /// <summary>
    /// Transcribes audio (<c>POST /v1/transcribe</c>, D-Bus <c>Transcribe</c>/<c>TranscribeFd</c>): its text, language and
    /// timed segments. Cancelling cancels the task.
    /// </summary>
    Task<TranscriptionResponse> TranscribeAsync(LlmosAudio audio, TranscribeOptions options, CancellationToken cancellationToken) =>
        throw new LlmosException(ErrorCodes.Unsupported, "this transport cannot transcribe audio");

    /// <summary>
    /// Understands a spoken command and runs what it asks (<c>POST /v1/voice</c>, D-Bus <c>Voice</c>/<c>VoiceFd</c>); audio
    /// given as a stream goes as it is read, and llmosd answers once it has heard the utterance out.
    /// </summary>
    Task<VoiceResultDto> VoiceAsync(LlmosAudio audio, VoiceOptions options, CancellationToken cancellationToken) =>
        throw new LlmosException(ErrorCodes.Unsupported, "this transport cannot take spoken commands");

    /// <summary>Speaks text (<c>POST /v1/speak</c>, D-Bus <c>Speak</c>): a WAV file's bytes.</summary>
    Task<byte[]> SpeakAsync(string text, SpeakOptions options, CancellationToken cancellationToken) =>
        throw new LlmosException(ErrorCodes.Unsupported, "this transport cannot speak");

    /// <summary>Only recognises an utterance (<c>POST /v1/intents/test</c>, D-Bus <c>TestUtterance</c>).</summary>
    Task<IntentTestResponse> TestUtteranceAsync(AskRequestDto request, CancellationToken cancellationToken) =>
        throw new LlmosException(ErrorCodes.Unsupported, "this transport cannot test utterances");

    /// <summary>The intents the caller's utterances can reach (<c>GET /v1/intents/catalog</c>, D-Bus <c>GetIntentCatalog</c>).</summary>
    Task<IntentCatalogResponse> GetIntentCatalogAsync(string? language, CancellationToken cancellationToken) =>
        throw new LlmosException(ErrorCodes.Unsupported, "this transport cannot list the intent catalog");

    /// <summary>
    /// The caller's timers and reminders as they fall due (<c>GET /v1/events</c>, D-Bus <c>Subscribe</c> and <c>Due</c>), until
    /// cancelled or the daemon goes; the subscription holds once the enumeration has started its first wait.
    /// </summary>
    IAsyncEnumerable<DueEventDto> WatchEventsAsync(CancellationToken cancellationToken) =>
        throw new LlmosException(ErrorCodes.Unsupported, "this transport cannot follow due events");
}
