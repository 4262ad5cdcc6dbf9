using System.Threading.Channels;
using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Tests.Speech;

/// <summary>Audio that arrives as it is recorded: decoded and fed as it comes, cut off at the limits, stopped when the listener has heard enough.</summary>
public sealed class AudioFeedPumpTests
{
    private static AudioInput Audio(long maxBytes = 1000, double maxSeconds = 600)
    {
        var settings = new DaemonSettings { MaxAudioBytes = maxBytes, MaxAudioSeconds = maxSeconds };
        return new AudioInput(settings, new ServiceCollection().AddSingleton<IAudioDecoder>(new FakeAudioDecoder(settings.AudioLimits())).BuildServiceProvider());
    }

    /// <summary>A transport whose chunks the test hands over one at a time; completing the channel is the end of the body.</summary>
    private static (Channel<byte[]> Chunks, AudioFeedPump.ReadChunk Read) Transport()
    {
        var chunks = Channel.CreateUnbounded<byte[]>();
        return (chunks, async (buffer, token) =>
        {
            if (!await chunks.Reader.WaitToReadAsync(token))
            {
                return 0;
            }

            var chunk = await chunks.Reader.ReadAsync(token);
            chunk.CopyTo(buffer);
            return chunk.Length;
        }
        );
    }

    [Fact]
    public async Task Each_chunk_reaches_the_feed_before_the_next_one_arrives_and_the_end_completes_it()
    {
        var (chunks, read) = Transport();
        using var feed = new AudioFeed();
        var pumping = AudioFeedPump.RunAsync(read, Audio(), null, feed, "body", CancellationToken.None);

        await chunks.Writer.WriteAsync([1, 2, 3]);
        Assert.Equal(3, (await feed.Reader.ReadAsync()).Length); // decoded while the body is still open
        await chunks.Writer.WriteAsync([4, 5]);
        Assert.Equal(2, (await feed.Reader.ReadAsync()).Length);
        chunks.Writer.Complete();

        Assert.Equal(5, await pumping);
        await feed.Reader.Completion; // completed without an error
    }

    [Fact]
    public async Task A_stream_past_the_byte_limit_ends_the_feed_with_too_large()
    {
        var (chunks, read) = Transport();
        using var feed = new AudioFeed();
        var pumping = AudioFeedPump.RunAsync(read, Audio(maxBytes: 4), null, feed, "body", CancellationToken.None);
        await chunks.Writer.WriteAsync([1, 2, 3]);
        await chunks.Writer.WriteAsync([4, 5]);

        await pumping;
        while (feed.Reader.TryRead(out _))
        {
        }

        var e = await Assert.ThrowsAsync<EngineException>(() => feed.Reader.Completion);
        Assert.Equal((ErrorKind.TooLarge, "body"), (e.Kind, e.Field));
    }

    [Fact]
    public async Task A_stream_longer_than_the_duration_limit_ends_the_feed_with_too_large()
    {
        var (chunks, read) = Transport();
        using var feed = new AudioFeed();
        var pumping = AudioFeedPump.RunAsync(read, Audio(maxBytes: 100_000, maxSeconds: 0.001), null, feed, "audio", CancellationToken.None);
        await chunks.Writer.WriteAsync(new byte[17]); // 17 samples > 16 (1 ms at 16 kHz)

        await pumping;
        var e = await Assert.ThrowsAsync<EngineException>(() => feed.Reader.Completion);
        Assert.Equal((ErrorKind.TooLarge, "audio"), (e.Kind, e.Field));
    }

    [Fact]
    public async Task An_empty_stream_is_invalid_input()
    {
        var (chunks, read) = Transport();
        using var feed = new AudioFeed();
        chunks.Writer.Complete();

        await AudioFeedPump.RunAsync(read, Audio(), null, feed, "body", CancellationToken.None);

        var e = await Assert.ThrowsAsync<EngineException>(() => feed.Reader.Completion);
        Assert.Equal((ErrorKind.InvalidInput, "body"), (e.Kind, e.Field));
    }

    [Fact]
    public async Task When_the_listener_ends_the_utterance_the_pump_stops_reading_though_the_body_goes_on()
    {
        var (chunks, read) = Transport();
        using var feed = new AudioFeed();
        var pumping = AudioFeedPump.RunAsync(read, Audio(), null, feed, "body", CancellationToken.None);
        await chunks.Writer.WriteAsync([1, 2]);
        await feed.Reader.ReadAsync();

        feed.End(); // voice-activity detection heard the end; the client keeps its connection open
        Assert.Equal(2, await pumping);
    }

    [Fact]
    public async Task A_transport_that_breaks_ends_the_feed_with_invalid_input_naming_the_field()
    {
        using var feed = new AudioFeed();
        await AudioFeedPump.RunAsync((_, _) => throw new IOException("connection reset"), Audio(), null, feed, "audio", CancellationToken.None);

        var e = await Assert.ThrowsAsync<EngineException>(() => feed.Reader.Completion);
        Assert.Equal((ErrorKind.InvalidInput, "audio"), (e.Kind, e.Field));
        Assert.Contains("connection reset", e.Message, StringComparison.Ordinal);
    }
}
