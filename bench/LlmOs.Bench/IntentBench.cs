using System.Diagnostics;
using LlmOs.Engine.Assistant;
using LlmOs.Engine.Understanding;

namespace LlmOs.Bench;

/// <summary>
/// The intent engine (issue 5): latency of each recogniser stage alone and of the whole understanding in-process
/// on short utterances (targets: templates under 1 ms, semantic under 15 ms), then <c>ask</c> round trips: the ask
/// service in-process (the baseline), <c>POST /v1/ask</c> through the daemon's socket with 1 and 4 clients, and
/// <c>GET /v1/health</c> on the same HTTP client (the wire's own cost).
/// </summary>
public static partial class IntentBench
{
    public const double TemplatesTargetMilliseconds = 1;
    public const double SemanticTargetMilliseconds = 15;

    /// <summary>Short utterances of every kind, some worded as no template would be, for the recogniser stages.</summary>
    public static readonly string[] StageUtterances =
    [
        "what time is it", "what's the date today", "set a timer for 5 minutes", "cancel the pasta timer", "show my timers",
        "remind me to call Anna tomorrow at 9", "what are my reminders", "what is 12 times 7", "open the terminal",
        "set the volume to 40 percent", "turn it up", "mute", "lock the screen", "take a screenshot",
        "translate good morning into French", "summarize this: the meeting moved to Tuesday", "write a poem about the sea",
        "could you let me know the hour", "make the sound a little softer", "snap a picture of my display",
        "how long until my countdown ends", "why is the sky blue", "tell me a joke", "start a countdown of ten minutes",
    ];

    /// <summary>Commands a skill answers without the language model and without changing state, for the ask round trips.</summary>
    public static readonly string[] AskUtterances =
    [
        "what time is it", "what's the date today", "what is 12 times 7", "show my timers", "what are my reminders",
        "set the volume to 40 percent", "turn the volume up", "mute", "lock the screen", "take a screenshot",
    ];

    public sealed record Latency(string Path, int Calls, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds, double PerSecond, string? Failure = null);

    public sealed record Result(IReadOnlyList<Latency> Stages, IReadOnlyList<Latency> RoundTrips, IReadOnlyDictionary<string, string> InProcessIntents, IReadOnlyDictionary<string, string> DaemonIntents, TimeSpan Elapsed);

    /// <summary>Runs every measurement: <paramref name="rounds"/> timed passes over the stage utterances, <paramref name="requests"/> asks per round-trip row.</summary>
    public static async Task<Result> RunAsync(string socket, string modelPath, int threads, int rounds = 10, int requests = 200, CancellationToken cancellationToken = default)
    {
        long start = Stopwatch.GetTimestamp();
        await using var engine = IntentEngine.Create(modelPath, threads);
        var stages = new List<Latency>();
        var contexts = StageUtterances.Select(engine.ContextFor).ToArray();
        foreach (var recognizer in engine.Understanding.Recognizers)
        {
            // The language model's stage costs a generation per call: one pass is enough to show it.
            int passes = recognizer is Engine.Understanding.LanguageModel.LanguageModelRecognizer ? 1 : rounds;
            stages.Add(await MeasureAsync($"{recognizer.Name} (alone)", contexts.Length, passes, 1, (i, ct) => recognizer.RecognizeAsync(contexts[i], ct).AsTask(), cancellationToken));
        }

        stages.Add(await MeasureAsync("understanding (all stages)", contexts.Length, rounds, 1, (i, ct) => engine.Understanding.UnderstandAsync(engine.ContextFor(StageUtterances[i]), ct), cancellationToken));

        var trips = new List<Latency>();
        var inProcessIntents = new Dictionary<string, string>(StringComparer.Ordinal);
        int askPasses = Math.Max(1, requests / AskUtterances.Length);
        bool skillsStarted = false;
        trips.Add(await MeasureAsync("in-process AskService.AnswerAsync", AskUtterances.Length, askPasses, 1, async (i, ct) =>
        {
            if (!skillsStarted)
            {
                await engine.StartSkillsAsync(ct);
                skillsStarted = true;
            }

            var result = await engine.Ask.AnswerAsync(new AskRequest(IntentEngine.CallerUid, AskUtterances[i], "en", TimeZoneInfo.Local), ct);
            inProcessIntents[AskUtterances[i]] = result.Intent;
        }, cancellationToken));

        using var http = EmbeddingBench.UnixSocketHttp(socket);
        var daemonIntents = new Dictionary<string, string>(StringComparer.Ordinal);
        trips.Add(await MeasureAsync("daemon POST /v1/ask", AskUtterances.Length, askPasses, 1, async (i, ct) => daemonIntents[AskUtterances[i]] = await AskThroughDaemonAsync(http, AskUtterances[i], ct), cancellationToken));
        trips.Add(await MeasureAsync("daemon POST /v1/ask", AskUtterances.Length, askPasses, 4, (i, ct) => AskThroughDaemonAsync(http, AskUtterances[i], ct), cancellationToken));
        trips.Add(await MeasureAsync("daemon GET /v1/health", AskUtterances.Length, askPasses, 1, (_, ct) => HealthThroughDaemonAsync(http, ct), cancellationToken));
        return new Result(stages, trips, inProcessIntents, daemonIntents, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>
    /// One warm-up pass, then <paramref name="passes"/> timed passes over <paramref name="count"/> items from
    /// <paramref name="clients"/> concurrent callers. A failing call ends the row with its message instead of figures.
    /// </summary>
    private static async Task<Latency> MeasureAsync(string path, int count, int passes, int clients, Func<int, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        string name = path + (clients > 1 ? $", {clients} clients" : "");
        try
        {
            for (int i = 0; i < count; i++)
            {
                await call(i, cancellationToken);
            }

            int calls = count * passes;
            var latencies = new double[calls];
            int next = -1;
            long start = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(
                async () =>
                {
                    int index;
                    while ((index = Interlocked.Increment(ref next)) < calls)
                    {
                        long callStart = Stopwatch.GetTimestamp();
                        await call(index % count, cancellationToken);
                        latencies[index] = Stopwatch.GetElapsedTime(callStart).TotalMilliseconds;
                    }
                },
                cancellationToken)));
            var elapsed = Stopwatch.GetElapsedTime(start);
            Array.Sort(latencies);
            return new Latency(name, calls, Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99), latencies[^1], calls / elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new Latency(name, 0, double.NaN, double.NaN, double.NaN, double.NaN, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
