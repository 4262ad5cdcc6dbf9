using System.Text;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Scheduling;

internal sealed partial class SpeechWorker
{
    /// <summary>Runs one transcription: each segment is reported as it is decoded; its own cancellation stops the decoding.</summary>
    private async Task TranscribeAsync(ITranscriptionModel model, TaskRecord task)
    {
        if (task.IsFinished || task.Clip is not { } clip)
        {
            return; // cancelled as it was taken: a finished task has let go of its audio
        }

        var options = task.Transcription ?? new TranscriptionOptions();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(task.CancellationToken, _stopping.Token);
        var segments = new List<TranscriptSegment>();
        var text = new StringBuilder();
        try
        {
            long started = TimeProvider.System.GetTimestamp();
            using (Steps.Begin())
            {
                await foreach (var segment in model.TranscribeAsync(clip, options, cancel.Token).ConfigureAwait(false))
                {
                    segments.Add(segment);
                    if (segment.Text.Length > 0)
                    {
                        text.Append(text.Length > 0 ? " " : "").Append(segment.Text);
                        task.Report(TaskEventKind.Transcript, text.ToString());
                    }
                }
            }

            SpeechLog.Transcribed(_logger, clip.Duration.TotalSeconds, _entry.Name, segments.Count, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            string? language = options.Language ?? segments.Select(s => s.Language).FirstOrDefault(l => l is not null);
            task.CompleteTranscribe(new Transcript(text.ToString(), language, segments, clip.Duration, "whisper:" + _entry.Name));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            task.MarkCancelled();
        }
        catch (EngineException e)
        {
            task.Fail(e.Kind, e.Message);
        }
        catch (Exception e)
        {
            SpeechLog.TranscribeFailed(_logger, e, task.Id, _entry.Name);
            task.Fail(ErrorKind.Internal, "transcription failed inside the engine: " + e.Message);
        }
    }
}
