using System.Diagnostics;
using System.Net;
using LlmOs.Engine.Speech;

namespace LlmOs.Bench;

public static partial class SpeechBench
{
    /// <summary>100 ms of audio per piece, sent at the pace it would be recorded.</summary>
    private static readonly TimeSpan Piece = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// In-process: a voice task fed through an <see cref="AudioFeed"/> in 100 ms pieces at recording pace; timed from
    /// completing the feed (the end of speech) to the task's end.
    /// </summary>
    private static async Task<Series> InProcessEndOfSpeechAsync(SpeechEngines engines, AudioClip clip, CancellationToken cancellationToken)
    {
        const string path = "in-process VoiceService, fed at recording pace";
        var latencies = new List<double>();
        int samplesPerPiece = (int)(AudioClip.SampleRate * Piece.TotalSeconds);
        for (int run = 0; run <= LatencyRuns; run++)
        {
            using var feed = new AudioFeed();
            var task = engines.Voice(new VoiceRequest(0, "en", TimeZoneInfo.Utc) { Feed = feed });
            for (int at = 0; at < clip.Samples.Length && !feed.Ended.IsCancellationRequested; at += samplesPerPiece)
            {
                await feed.WriteAsync(clip.Samples[at..Math.Min(at + samplesPerPiece, clip.Samples.Length)], cancellationToken);
                await Task.Delay(Piece, cancellationToken);
            }

            long end = Stopwatch.GetTimestamp();
            feed.Complete();
            await task.Finished.WaitAsync(cancellationToken);
            if (run > 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(end).TotalMilliseconds);
            }
        }

        return new Series(path, latencies, "ms", Note: "1 warm-up");
    }

    /// <summary>
    /// Through the daemon: POST /v1/voice with the WAV as a chunked body, 100 ms pieces at recording pace; timed from the
    /// last byte written to the answer's arrival.
    /// </summary>
    private static async Task<Series> DaemonEndOfSpeechAsync(string socket, byte[] wav, CancellationToken cancellationToken)
    {
        const string path = "daemon POST /v1/voice, chunked at recording pace";
        using var http = EmbeddingBench.UnixSocketHttp(socket);
        var latencies = new List<double>();
        try
        {
            for (int run = 0; run <= LatencyRuns; run++)
            {
                var body = new PacedContent(wav, BenchWav.BytesPer(wav, Piece), Piece);
                using var response = await http.PostAsync("v1/voice?language=en&time_zone=UTC", body, cancellationToken);
                string answer = await response.Content.ReadAsStringAsync(cancellationToken);
                long arrived = Stopwatch.GetTimestamp();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return new Series(path, latencies, "ms", $"{(int)response.StatusCode}: {answer}");
                }

                if (run > 0)
                {
                    // The daemon may answer before the last byte (it heard the utterance end): that is 0 ms, not negative.
                    latencies.Add(Math.Max(0, Stopwatch.GetElapsedTime(body.LastByteSent ?? arrived, arrived).TotalMilliseconds));
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return new Series(path, latencies, "ms", $"{e.GetType().Name}: {e.Message}");
        }

        return new Series(path, latencies, "ms", Note: "1 warm-up");
    }

    /// <summary>A body sent in pieces at a recording's pace, no length (chunked); remembers when its last byte went.</summary>
    private sealed class PacedContent(byte[] bytes, int pieceBytes, TimeSpan pause) : HttpContent
    {
        public long? LastByteSent { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            for (int at = 0; at < bytes.Length; at += pieceBytes)
            {
                await stream.WriteAsync(bytes.AsMemory(at, Math.Min(pieceBytes, bytes.Length - at)), cancellationToken);
                await stream.FlushAsync(cancellationToken);
                if (at + pieceBytes < bytes.Length)
                {
                    await Task.Delay(pause, cancellationToken);
                }
            }

            LastByteSent = Stopwatch.GetTimestamp();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
