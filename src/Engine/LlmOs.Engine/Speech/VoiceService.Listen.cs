using System.Buffers;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Speech;

public sealed partial class VoiceService
{
    /// <summary>
    /// Hears a streamed utterance out: each chunk goes to the grammar recogniser's session as it arrives (so its
    /// decoding is done when the speech ends) and to the voice-activity detector, which ends the utterance after the
    /// silence that follows speech, or at the maximum length; then the sender is told to stop (<see cref="AudioFeed.End"/>).
    /// Returns the audio heard (for Whisper, should the grammar reject it) and the grammar's verdict.
    /// </summary>
    private async Task<(AudioClip Clip, CommandHypothesis? Hypothesis)> ListenAsync(TaskRecord task, AudioFeed feed, CommandGrammar? grammar, CancellationToken cancellationToken)
    {
        var heard = new ArrayBufferWriter<float>(AudioClip.SampleRate * 4);
        var detector = new VoiceActivityDetector(_activity);
        using var session = grammar is null ? null : recognizer!.Start(grammar);

        // A cancelled task (a client that went away) tells the sender to stop too.
        using var stop = cancellationToken.Register(() => EndQuietly(feed));
        string why = "the sender ended the audio";
        try
        {
            while (await feed.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (!detector.Ended && feed.Reader.TryRead(out var chunk))
                {
                    session?.Process(chunk);
                    heard.Write(chunk);
                    detector.Push(chunk);
                }

                if (detector.Ended)
                {
                    why = detector.EndedByLength ? "the maximum length" : "silence after speech";
                    break;
                }
            }
        }
        catch (Exception e) when (e is not (OperationCanceledException or EngineException))
        {
            throw new EngineException(ErrorKind.InvalidInput, "the audio stream broke off: " + e.Message, "file");
        }
        finally
        {
            EndQuietly(feed);
        }

        cancellationToken.ThrowIfCancellationRequested();
        VoiceLog.UtteranceEnded(logger, task.Id, detector.Heard.TotalSeconds, why);
        var clip = new AudioClip(heard.WrittenSpan.ToArray());
        return (clip, session?.Finish());
    }

    /// <summary>Tells the sender the listener needs no more audio; a feed its transport already disposed needs no telling.</summary>
    private static void EndQuietly(AudioFeed feed)
    {
        try
        {
            feed.End();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
