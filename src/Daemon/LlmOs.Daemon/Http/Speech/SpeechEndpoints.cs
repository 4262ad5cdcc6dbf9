using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Ipc;
using LlmOs.Ipc.Speech;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Http.Speech;

/// <summary>
/// The native speech shortcuts. <c>POST /v1/voice</c> takes the audio as the body (a file in any format the decoder
/// takes, or raw PCM described by <c>?format=&amp;rate=&amp;channels=</c>) and answers the voice task's result; a chunked
/// body is decoded and recognised as it arrives, and the answer comes as soon as voice-activity detection has heard the
/// utterance end, without waiting for the body's end. <c>POST /v1/transcribe</c> is the same for a transcription, and
/// <c>POST /v1/speak</c> answers a WAV file. Each is an ordinary task of the caller; hanging up cancels it.
/// </summary>
internal static class SpeechEndpoints
{
    private const string Transport = "socket";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/voice", VoiceAsync);
        app.MapPost("/v1/transcribe", TranscribeAsync);
        app.MapPost("/v1/speak", SpeakAsync);
    }

    private static async Task VoiceAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var (options, raw, stream) = AudioQuery.Parse(context.Request.Query);
        var request = services.GetRequiredService<TaskSubmitter>().CheckVoiceOptions(options, "", PeerCredentials.Caller(context));
        var audio = services.GetRequiredService<AudioInput>();
        AudioPump? pump = null;
        if (AudioBodies.IsStreamed(context))
        {
            AudioBodies.Limit(context, audio);
            pump = AudioBodies.Pump(context, audio, raw);
        }
        else
        {
            request = request with { Clip = await AudioBodies.ReadClipAsync(context, audio, raw).ConfigureAwait(false) };
        }

        var calls = services.GetRequiredService<SpeechCalls>();
        if (stream)
        {
            VoiceEventStream.Start(context.Response);
            await calls.RunVoiceAsync(request, pump, attach: null, (task, token) => VoiceEventStream.WriteAsync(context.Response, task, token), context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }

        var result = await calls.VoiceAsync(request, pump, Transport, attach: null, context.RequestAborted).ConfigureAwait(false);
        await Results.Json(SpeechMapper.ToDto(result), IpcJsonContext.Default.VoiceResultDto).ExecuteAsync(context).ConfigureAwait(false);
    }

    private static async Task TranscribeAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var (options, raw, stream) = AudioQuery.Parse(context.Request.Query);
        if (stream)
        {
            throw new EngineException(ErrorKind.InvalidInput, "'stream' is for /v1/voice; follow a transcription with POST /v1/tasks and GET /v1/tasks/{id}/events", "stream");
        }

        var (model, transcription, priority) = TaskRequestValidator.CheckTranscribeOptions(options, "");
        var audio = services.GetRequiredService<AudioInput>();
        var call = new TranscribeCall(await AudioBodies.ReadClipAsync(context, audio, raw).ConfigureAwait(false), model, transcription, priority);
        var transcript = await services.GetRequiredService<SpeechCalls>()
            .TranscribeAsync(call, PeerCredentials.Caller(context), Transport, attach: null, context.RequestAborted).ConfigureAwait(false);
        await Results.Json(SpeechMapper.ToDto(transcript), IpcJsonContext.Default.TranscriptionResponse).ExecuteAsync(context).ConfigureAwait(false);
    }

    private static async Task SpeakAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var body = await JsonBody.ReadAsync(context, IpcJsonContext.Default.SpeakRequestDto).ConfigureAwait(false);
        var call = services.GetRequiredService<TaskRequestValidator>().ValidateSpeak(body, "");
        var speech = await services.GetRequiredService<SpeechCalls>()
            .SpeakAsync(call, PeerCredentials.Caller(context), Transport, attach: null, context.RequestAborted).ConfigureAwait(false);
        await Results.Bytes(WavBytes.From(speech), SpeechMediaTypes.Wav).ExecuteAsync(context).ConfigureAwait(false);
    }
}
