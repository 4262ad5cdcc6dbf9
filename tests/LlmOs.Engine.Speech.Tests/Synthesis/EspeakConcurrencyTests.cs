namespace LlmOs.Engine.Speech.Tests.Synthesis;

/// <summary>espeak-ng has one engine per process: calls from many threads and synthesisers are serialised, never mixed.</summary>
public sealed class EspeakConcurrencyTests
{
    private static readonly (string Text, SpeechOptions Options)[] Requests =
    [
        (Speech.Command, new SpeechOptions("en-us")),
        ("what is the weather like tomorrow", new SpeechOptions("en-gb", 220)),
        ("pon un temporizador de cinco minutos", new SpeechOptions("es", SampleRate: 16_000)),
        ("open the file manager", new SpeechOptions("en-us+f3", 140)),
    ];

    [Fact]
    public async Task Concurrent_requests_each_get_their_own_speech()
    {
        using var first = Speech.Synthesizer();
        using var second = Speech.Synthesizer();
        var alone = new List<SynthesizedSpeech>();
        foreach ((string text, SpeechOptions options) in Requests)
        {
            alone.Add(await first.SynthesizeAsync(text, options, CancellationToken.None));
        }

        // Three rounds of every request, from thread-pool threads, split over two synthesisers sharing the engine.
        var calls = Enumerable.Range(0, Requests.Length * 3).Select(i => Task.Run(async () =>
        {
            int which = i % Requests.Length;
            var synthesizer = i % 2 == 0 ? first : second;
            SynthesizedSpeech speech = await synthesizer.SynthesizeAsync(Requests[which].Text, Requests[which].Options, CancellationToken.None);
            return (which, speech);
        })).ToArray();
        var results = await Task.WhenAll(calls);

        foreach ((int which, SynthesizedSpeech speech) in results)
        {
            double likeness = Speech.Likeness(alone[which], speech);
            Assert.True(likeness > Speech.SameSpeech, $"request {which}: likeness {likeness:F3} to the same request spoken alone");
        }
    }
}
