using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Speech;
using LlmOs.Engine.Tasks;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// Transcriptions, voice tasks and speech as the shortcuts of both transports run them (<c>POST /v1/transcribe</c>,
/// <c>/v1/audio/transcriptions</c> and D-Bus <c>Transcribe</c>/<c>TranscribeFd</c>; <c>POST /v1/voice</c> and D-Bus
/// <c>Voice</c>/<c>VoiceFd</c>; <c>POST /v1/speak</c>, <c>/v1/audio/speech</c> and D-Bus <c>Speak</c>): an ordinary task of
/// the caller, answered when done, cancelled when the caller goes before that. A voice task's audio may arrive while it
/// runs: the transport's pump feeds it, and stops when the task has heard the utterance out.
/// </summary>
internal sealed class SpeechCalls(TaskSubmitter submitter, Scheduler scheduler, ILogger<SpeechCalls> logger)
{
    /// <summary>Submits the transcription, hands it to <paramref name="attach"/> (false: the caller has gone) and waits for its transcript.</summary>
    public async Task<Transcript> TranscribeAsync(TranscribeCall call, uint caller, string transport, Func<TaskRecord, bool>? attach, CancellationToken cancellationToken)
    {
        var task = submitter.SubmitTranscribe(call, caller);
        await FinishAsync(task, attach, follow: null, cancellationToken).ConfigureAwait(false);
        var transcript = Completed(task).TranscriptResult ?? throw new EngineException(ErrorKind.Internal, "the transcription ended without a transcript");
        SpeechLog.Transcribed(logger, caller, transport, transcript.Engine, transcript.Segments.Count, transcript.Duration.TotalSeconds);
        return transcript;
    }

    /// <summary>Submits the speech synthesis and waits for the speech.</summary>
    public async Task<SynthesizedSpeech> SpeakAsync(SpeakCall call, uint caller, string transport, Func<TaskRecord, bool>? attach, CancellationToken cancellationToken)
    {
        var task = submitter.SubmitSpeak(call, caller);
        await FinishAsync(task, attach, follow: null, cancellationToken).ConfigureAwait(false);
        var speech = Completed(task).Speech ?? throw new EngineException(ErrorKind.Internal, "the speech synthesis ended without speech");
        SpeechLog.Spoke(logger, caller, transport, call.Text.Length, speech.Duration.TotalSeconds);
        return speech;
    }

    /// <summary>A voice task and its answer (see <see cref="RunVoiceAsync"/>); a task that did not complete throws its error.</summary>
    public async Task<VoiceResult> VoiceAsync(VoiceRequest request, AudioPump? pump, string transport, Func<TaskRecord, bool>? attach, CancellationToken cancellationToken)
    {
        var task = await RunVoiceAsync(request, pump, attach, follow: null, cancellationToken).ConfigureAwait(false);
        var answer = Completed(task).VoiceAnswer ?? throw new EngineException(ErrorKind.Internal, "the voice task ended without an answer");
        SpeechLog.Heard(logger, request.CallerUid, transport, answer.Transcript.Engine, answer.Answer?.Intent ?? "-");
        return answer;
    }

    /// <summary>
    /// Submits a voice task whose audio is <paramref name="request"/>'s clip, or, with a <paramref name="pump"/>, arrives
    /// through an <see cref="AudioFeed"/> the pump fills while the task listens. Waits for the task (or lets
    /// <paramref name="follow"/> follow it, an event stream); whichever way the wait ends, a task still running is
    /// cancelled and the pump stopped. Returns the finished task.
    /// </summary>
    public async Task<TaskRecord> RunVoiceAsync(
        VoiceRequest request, AudioPump? pump, Func<TaskRecord, bool>? attach, Func<TaskRecord, CancellationToken, Task>? follow, CancellationToken cancellationToken)
    {
        using var feed = pump is null ? null : new AudioFeed();
        var task = submitter.SubmitVoice(feed is null ? request : request with { Feed = feed, Clip = null });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pumping = pump is null || feed is null ? Task.CompletedTask : Task.Run(() => pump(feed, stop.Token), CancellationToken.None);
        try
        {
            await FinishAsync(task, attach, follow, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pumping.ConfigureAwait(false); // a pump never throws: it ends the feed with its error instead
        }

        return task;
    }

    /// <summary>Waits for the task; a wait cut short cancels it.</summary>
    private async Task FinishAsync(TaskRecord task, Func<TaskRecord, bool>? attach, Func<TaskRecord, CancellationToken, Task>? follow, CancellationToken cancellationToken)
    {
        if (attach is not null && !attach(task))
        {
            scheduler.Cancel(task);
        }

        try
        {
            await (follow is null ? task.Finished : follow(task, cancellationToken)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!task.IsFinished)
            {
                scheduler.Cancel(task);
            }
        }
    }

    /// <summary>The task if it completed; else its error.</summary>
    public static TaskRecord Completed(TaskRecord task)
    {
        if (task.State == TaskState.Completed)
        {
            return task;
        }

        var error = task.Error ?? new TaskError(ErrorKind.Internal, "the task ended without a result");
        throw new EngineException(error.Kind, error.Message);
    }
}
