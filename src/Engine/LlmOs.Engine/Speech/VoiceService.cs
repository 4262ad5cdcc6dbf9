using LlmOs.Engine.Assistant;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Understanding.Language;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Speech;

/// <summary>
/// Runs voice tasks: audio (a whole clip, or a feed that voice-activity detection ends) to transcript with the command
/// grammar first (<see cref="ICommandRecognizer"/>, fed as the audio arrives), then, when the grammar rejects what it
/// heard and a Whisper model is installed, with Whisper (queued through the scheduler as the caller's); the transcript
/// is answered as an ask (<see cref="AskService.AnswerAsync"/>: the same understanding and skills), and the reply
/// spoken when asked. Speech that nothing caught is answered "I didn't catch that." and runs nothing. Voice tasks
/// start at once, as asks do, and are kept in the task store like them.
/// </summary>
public sealed partial class VoiceService(
    Scheduler scheduler,
    AskService asks,
    LanguageCatalog languages,
    ICommandGrammars grammars,
    TimeProvider time,
    ILogger<VoiceService> logger,
    ICommandRecognizer? recognizer = null,
    ISpeechSynthesizer? synthesizer = null,
    VoiceActivityOptions? activity = null)
{
    /// <summary>The reply when neither recogniser caught anything to act on.</summary>
    public const string NotCaughtText = "I didn't catch that.";

    private readonly VoiceActivityOptions _activity = activity ?? new VoiceActivityOptions();

    /// <summary>Starts a voice task at once (its LLM and Whisper work queues as the caller's); invalid requests throw.</summary>
    public TaskRecord Submit(VoiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((request.Clip is null) == (request.Feed is null))
        {
            throw new EngineException(ErrorKind.InvalidInput, "a voice request takes its audio either whole or as a stream, exactly one of the two", "file");
        }

        if (request.Clip is { Samples.Length: 0 })
        {
            throw new EngineException(ErrorKind.InvalidInput, "the audio holds no samples", "file");
        }

        if (request.SpeakReply is { } speaking)
        {
            Scheduler.CheckSpeech(synthesizer ?? throw new EngineException(ErrorKind.Unsupported, "this daemon has no speech synthesiser to speak the reply (Debian: libespeak-ng1)"), "reply", speaking);
        }

        var language = languages.For(request.Language);
        if (!HasGrammarFor(language) && !scheduler.CanTranscribe)
        {
            throw new EngineException(
                ErrorKind.NeedsModel,
                $"nothing here can recognise speech in '{language.Code}': install the pocketsphinx model for it (Debian: pocketsphinx-en-us) or add a Whisper model",
                "language");
        }

        return scheduler.StartNow(
            request.CallerUid,
            id => new TaskRecord(id, request, time) { Priority = request.Priority },
            async task => task.CompleteVoice(await RunAsync(task, request, language, task.CancellationToken).ConfigureAwait(false)));
    }

    private bool HasGrammarFor(LanguagePack language) => recognizer?.Supports(language.Code) == true;

    private async Task<VoiceResult> RunAsync(TaskRecord task, VoiceRequest request, LanguagePack language, CancellationToken cancellationToken)
    {
        var grammar = HasGrammarFor(language) ? grammars.GrammarFor(request.CallerUid, language) : null;
        var (clip, hypothesis) = request.Feed is { } feed
            ? await ListenAsync(task, feed, grammar, cancellationToken).ConfigureAwait(false)
            : (request.Clip!, grammar is null ? null : await recognizer!.RecognizeAsync(request.Clip!, grammar, cancellationToken).ConfigureAwait(false));

        Transcript? transcript = null;
        if (hypothesis is { Accepted: true, Text.Length: > 0 })
        {
            VoiceLog.Accepted(logger, task.Id, hypothesis.Text, hypothesis.Confidence);
            transcript = new Transcript(hypothesis.Text, language.Code, [new TranscriptSegment(TimeSpan.Zero, clip.Duration, hypothesis.Text, hypothesis.Confidence, language.Code)], clip.Duration, TaskRecord.GrammarModelName);
            task.Report(TaskEventKind.Transcript, hypothesis.Text);
        }
        else
        {
            if (hypothesis is not null)
            {
                VoiceLog.Rejected(logger, task.Id, hypothesis.Text, hypothesis.RejectedBecause ?? "not accepted");
            }

            if (clip.Samples.Length > 0 && scheduler.CanTranscribe)
            {
                VoiceLog.FallingBack(logger, task.Id);
                transcript = await TranscribeAsync(task, request, clip, language, cancellationToken).ConfigureAwait(false);
            }
        }

        if (transcript is not { Text.Length: > 0 })
        {
            VoiceLog.NotCaught(logger, task.Id);
            transcript ??= new Transcript("", null, [], clip.Duration, TaskRecord.GrammarModelName);
            return new VoiceResult(transcript, hypothesis, null, NotCaughtText, await SpeakAsync(request, NotCaughtText, cancellationToken).ConfigureAwait(false));
        }

        var ask = new AskRequest(request.CallerUid, transcript.Text, request.Language, request.TimeZone) { Priority = request.Priority };
        var answer = await asks.AnswerAsync(ask, cancellationToken).ConfigureAwait(false);
        VoiceLog.Understood(logger, task.Id, transcript.Text, answer.Intent);
        task.Report(TaskEventKind.Intent, answer.Intent);
        return new VoiceResult(transcript, hypothesis, answer, answer.Text, await SpeakAsync(request, answer.Text, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The reply spoken, when the request asked for it.</summary>
    private async Task<SynthesizedSpeech?> SpeakAsync(VoiceRequest request, string text, CancellationToken cancellationToken) =>
        request.SpeakReply is { } options && synthesizer is not null && !string.IsNullOrWhiteSpace(text)
            ? await synthesizer.SynthesizeAsync(text, options, cancellationToken).ConfigureAwait(false)
            : null;
}
