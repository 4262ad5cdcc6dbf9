using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using LlmOs.Engine.Whisper;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Speech.Tests.Transcription;

/// <summary>Whisper.net with the test model (no trained weights: it runs, but hears no words) over jfk.wav.</summary>
public sealed class WhisperBackendTests
{
    private static WhisperTranscriptionBackend Backend() => new(new WhisperOptions { Threads = 2 }, NullLogger<WhisperTranscriptionBackend>.Instance);

    private static ModelEntry Entry(string path) =>
        new("whisper", path, ModelKind.Speech, ModelSource.Added, false, new FileInfo(path).Length, null, null);

    [Fact]
    public async Task The_test_model_loads_and_runs_over_jfk_to_no_segments()
    {
        var clip = WhisperTestFiles.ReadJfk();
        Assert.InRange(clip.Duration.TotalSeconds, 10.5, 11.5);

        await using var model = await Backend().LoadAsync(Entry(WhisperTestFiles.TinyModel), CancellationToken.None);
        var segments = new List<TranscriptSegment>();
        await foreach (var segment in model.TranscribeAsync(clip, new TranscriptionOptions("en", "Kennedy"), CancellationToken.None))
        {
            segments.Add(segment);
        }

        Assert.Empty(segments);
        Assert.True(model.SizeBytes > new FileInfo(WhisperTestFiles.TinyModel).Length);
    }

    [Fact]
    public async Task A_cancelled_transcription_stops_with_cancellation_and_the_model_runs_again()
    {
        var jfk = WhisperTestFiles.ReadJfk().Samples;
        var clip = new AudioClip([.. jfk, .. jfk, .. jfk]);
        await using var model = await Backend().LoadAsync(Entry(WhisperTestFiles.TinyModel), CancellationToken.None);

        using var cancel = new CancellationTokenSource();
        var running = Task.Run(async () =>
        {
            await foreach (var segment in model.TranscribeAsync(clip, new TranscriptionOptions(), cancel.Token))
            {
                Assert.Fail("the test model hears no words: " + segment.Text);
            }
        });
        await Task.Delay(300); // not a timing assertion: lets the decoding start, so the cancellation usually lands mid-way
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        var again = new List<TranscriptSegment>();
        await foreach (var segment in model.TranscribeAsync(WhisperTestFiles.ReadJfk(), new TranscriptionOptions(), CancellationToken.None))
        {
            again.Add(segment);
        }

        Assert.Empty(again);
    }

    [Fact]
    public async Task A_file_that_is_not_a_whisper_model_is_refused_as_model_invalid()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("llmos-whisper-").FullName, "not-whisper.bin");
        var bytes = new byte[4096];
        new Random(6).NextBytes(bytes);
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            var error = await Assert.ThrowsAsync<EngineException>(() => Backend().LoadAsync(Entry(path), CancellationToken.None));

            Assert.Equal(ErrorKind.ModelInvalid, error.Kind);
            Assert.Contains("ggml", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
