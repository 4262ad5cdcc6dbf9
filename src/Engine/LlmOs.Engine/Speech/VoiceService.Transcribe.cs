using LlmOs.Engine.Errors;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Speech;

public sealed partial class VoiceService
{
    /// <summary>
    /// Transcribes open speech with the default Whisper model, as a transcribe task of the caller's (queued fairly with
    /// everyone's, in the memory budget), passing its partial transcripts on as the voice task's own; cancelling the
    /// voice task cancels the transcription.
    /// </summary>
    private async Task<Transcript> TranscribeAsync(TaskRecord task, VoiceRequest request, AudioClip clip, LanguagePack language, CancellationToken cancellationToken)
    {
        var transcription = scheduler.SubmitTranscribe(request.CallerUid, clip, null, new TranscriptionOptions(language.Code), request.Priority);
        try
        {
            await FollowAsync(task, transcription, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Not a token registration: the voice task's cancellation may resume this method inline, and leaving it
            // would unregister a callback before it ran. Whatever ended the wait, the transcription goes with it.
            if (!transcription.IsFinished)
            {
                scheduler.Cancel(transcription);
            }
        }

        return transcription.State switch
        {
            TaskState.Completed when transcription.TranscriptResult is { } transcript => transcript,
            _ when transcription.Error is { } error => throw new EngineException(error.Kind, "transcription failed: " + error.Message),
            _ => throw new EngineException(ErrorKind.Internal, "the transcription ended without a transcript"),
        };
    }

    /// <summary>Passes the transcription's partial transcripts on until it ends.</summary>
    private static async Task FollowAsync(TaskRecord task, TaskRecord transcription, CancellationToken cancellationToken)
    {
        var events = new List<TaskEvent>();
        int seen = 0;
        while (await transcription.Events.WaitForMoreAsync(seen, cancellationToken).ConfigureAwait(false))
        {
            events.Clear();
            transcription.Events.CopyFrom(seen, events);
            seen += events.Count;
            foreach (var partial in events)
            {
                if (partial is { Kind: TaskEventKind.Transcript, Text: { } text })
                {
                    task.Report(TaskEventKind.Transcript, text);
                }
            }

            if (transcription.IsFinished && seen >= transcription.Events.Count)
            {
                break;
            }
        }

        await transcription.Finished.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
