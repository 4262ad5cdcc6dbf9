using System.Runtime.CompilerServices;
using LlmOs.Engine.Models;
using LlmOs.Engine.Speech;
using Microsoft.Extensions.Logging;
using Whisper.net;

namespace LlmOs.Engine.Whisper;

/// <summary>
/// A loaded Whisper model: one <see cref="WhisperFactory"/> (the weights), and a processor made per transcription
/// with that transcription's language and prompt (processors are cheap next to the weights, and not shareable).
/// </summary>
internal sealed class WhisperTranscriptionModel(WhisperFactory factory, ModelEntry entry, int threads, ILogger logger) : ITranscriptionModel
{
    /// <summary>The working memory whisper.cpp takes next to its weights (KV caches, mel and compute buffers).</summary>
    private const long WorkingBytes = 128L << 20;

    public long SizeBytes { get; } = entry.SizeBytes + WorkingBytes;

    public async IAsyncEnumerable<TranscriptSegment> TranscribeAsync(
        AudioClip clip,
        TranscriptionOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var builder = factory.CreateBuilder().WithThreads(threads);
        builder = options.Language is { Length: > 0 } language ? builder.WithLanguage(language) : builder.WithLanguageDetection();
        if (!string.IsNullOrWhiteSpace(options.Prompt))
        {
            builder = builder.WithPrompt(options.Prompt);
        }

        long started = TimeProvider.System.GetTimestamp();
        int segments = 0;
        var processor = builder.Build();
        await using (processor.ConfigureAwait(false))
        {
            await foreach (var segment in processor.ProcessAsync(clip.Samples, cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                segments++;
                yield return new TranscriptSegment(segment.Start, segment.End, segment.Text.Trim(), segment.Probability, NullIfEmpty(segment.Language));
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        WhisperLog.Transcribed(logger, clip.Duration.TotalSeconds, segments, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
    }

    public ValueTask DisposeAsync()
    {
        factory.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
