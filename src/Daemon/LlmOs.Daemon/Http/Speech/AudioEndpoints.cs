using LlmOs.Daemon.Http.OpenAi;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Speech;
using LlmOs.Ipc;
using LlmOs.Ipc.Speech;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Http.Speech;

/// <summary>
/// OpenAI's audio endpoints, with OpenAI's fields and error objects: <c>POST /v1/audio/transcriptions</c>
/// (multipart: <c>file</c>, <c>model</c>, <c>language</c>, <c>prompt</c>, <c>response_format</c> json, text or
/// verbose_json) and <c>POST /v1/audio/speech</c> (JSON: <c>model</c>, <c>input</c>, <c>voice</c>, <c>speed</c>,
/// <c>response_format</c> wav or pcm). What llmos cannot honour (<c>stream</c>, srt/vtt, mp3 output…) is refused naming
/// the field; other fields are ignored, as OpenAI clients send newer ones.
/// </summary>
internal static class AudioEndpoints
{
    private const string Transport = "openai";

    /// <summary>OpenAI's model names, which mean "the default" here.</summary>
    private static readonly string[] OpenAiTranscriptionModels = ["whisper-1", "gpt-4o-transcribe", "gpt-4o-mini-transcribe"];

    /// <summary>OpenAI's voice names, which take espeak-ng's default voice.</summary>
    private static readonly string[] OpenAiVoices = ["alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse", "marin", "cedar"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/audio/transcriptions", context => OpenAiErrors.GuardAsync(context, TranscribeAsync));
        app.MapPost("/v1/audio/speech", context => OpenAiErrors.GuardAsync(context, SpeakAsync));
    }

    private static async Task TranscribeAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var audio = services.GetRequiredService<AudioInput>();
        using var form = await TranscriptionForm.ReadAsync(context, audio, context.RequestAborted).ConfigureAwait(false);
        if (form["stream"] is "true")
        {
            throw new EngineException(ErrorKind.Unsupported, "streamed transcriptions are not supported; leave 'stream' out", "stream");
        }

        string format = form["response_format"] ?? "json";
        if (format is not ("json" or "text" or "verbose_json"))
        {
            throw new EngineException(ErrorKind.Unsupported, $"'response_format' {format} is not supported; use json, text or verbose_json", "response_format");
        }

        var file = form.File ?? throw new EngineException(ErrorKind.InvalidInput, "'file' is required: the audio file", TranscriptionForm.FileField);
        string? model = form["model"] is { Length: > 0 } named && !OpenAiTranscriptionModels.Contains(named) ? named : null;
        string? language = TaskRequestValidator.CheckSpokenLanguage(form["language"] is { Length: > 0 } given ? given : null, "language");
        string? prompt = form["prompt"] is { Length: > 0 } words ? words : null;
        var clip = audio.FromBytes(file.Span, TranscriptionForm.FileField);
        var call = new TranscribeCall(clip, model, new TranscriptionOptions(language, prompt), TaskPriority.Interactive);
        var transcript = await services.GetRequiredService<SpeechCalls>()
            .TranscribeAsync(call, PeerCredentials.Caller(context), Transport, attach: null, context.RequestAborted).ConfigureAwait(false);

        IResult answer = format switch
        {
            "text" => Results.Text(transcript.Text + "\n", "text/plain; charset=utf-8"),
            "verbose_json" => Results.Json(SpeechMapper.ToDto(transcript, task: "transcribe"), IpcJsonContext.Default.TranscriptionResponse),
            _ => Results.Json(new TranscriptionTextResponse(transcript.Text), IpcJsonContext.Default.TranscriptionTextResponse),
        };
        await answer.ExecuteAsync(context).ConfigureAwait(false);
    }

    private static async Task SpeakAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var body = await JsonBody.ReadAsync(context, IpcJsonContext.Default.AudioSpeechRequest).ConfigureAwait(false);
        string format = body.ResponseFormat ?? "wav";
        if (format is not ("wav" or "pcm"))
        {
            throw new EngineException(ErrorKind.Unsupported, $"'response_format' {format} is not supported; use wav or pcm", "response_format");
        }

        if (body.Speed is { } speed && !(speed >= 0.25 && speed <= 4.0))
        {
            throw new EngineException(ErrorKind.InvalidInput, "'speed' is 0.25 to 4.0", "speed");
        }

        string? voice = body.Voice is { } named && OpenAiVoices.Contains(named, StringComparer.OrdinalIgnoreCase) ? null : body.Voice;
        var validator = services.GetRequiredService<TaskRequestValidator>();
        var call = new SpeakCall(
            validator.CheckSpeechText(body.Input, "input"),
            TaskRequestValidator.CheckSpeechOptions(voice, WordsPerMinute(body.Speed), 22_050, ""),
            TaskPriority.Interactive);
        var speech = await services.GetRequiredService<SpeechCalls>()
            .SpeakAsync(call, PeerCredentials.Caller(context), Transport, attach: null, context.RequestAborted).ConfigureAwait(false);
        if (format == "pcm")
        {
            context.Response.Headers["X-Sample-Rate"] = speech.SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Results.Bytes(WavBytes.RawPcm(speech), SpeechMediaTypes.Pcm).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await Results.Bytes(WavBytes.From(speech), SpeechMediaTypes.Wav).ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>OpenAI's speed (1.0 normal) as words per minute around espeak-ng's 175, kept within what it speaks.</summary>
    public static int? WordsPerMinute(double? speed) => speed is { } factor
        ? Math.Clamp((int)Math.Round(175 * factor), SpeechOptions.MinWordsPerMinute, SpeechOptions.MaxWordsPerMinute)
        : null;
}
