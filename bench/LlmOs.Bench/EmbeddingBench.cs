using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Onnx;
using LlmOs.Ipc.OpenAi;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Bench;

/// <summary>
/// Sentence embeddings per second with the built-in MiniLM, at batch size 1 and 32: in-process (the ONNX backend
/// called directly, the baseline) and through the daemon's OpenAI-compatible <c>POST /v1/embeddings</c>, plus 32
/// concurrent one-text requests, which the daemon's engine gathers into shared batches. Each configuration gets a
/// warm-up, then is timed; latencies are per call (per request through the daemon).
/// </summary>
public static class EmbeddingBench
{
    /// <summary>
    /// One configuration: <paramref name="Path"/> is "in-process", "daemon" or "daemon, 32 clients". CPU per embedding
    /// is this process's, plus the daemon's on the daemon paths (<paramref name="DaemonCpuMillisecondsPerEmbedding"/>
    /// alone): on a busy machine it says more than wall time.
    /// </summary>
    public sealed record Point(string Path, int BatchSize, int Calls, int Texts, double EmbeddingsPerSecond, double P50Milliseconds, double P99Milliseconds, double CpuMillisecondsPerEmbedding, double DaemonCpuMillisecondsPerEmbedding);

    public sealed record Result(TimeSpan InProcessLoad, TimeSpan DaemonFirstRequest, int Threads, double TokensPerText, IReadOnlyList<Point> Points);

    /// <summary>
    /// Runs every configuration against the daemon listening on <paramref name="socket"/> (process <paramref name="daemonPid"/>) and in-process with
    /// <paramref name="threads"/> ONNX Runtime threads (0: the same default as llmosd, one core less than the machine).
    /// <paramref name="texts"/> is how many embeddings each configuration makes when timed (rounded up to whole batches).
    /// </summary>
    public static async Task<Result> RunAsync(string socket, int daemonPid, int threads = 0, int texts = 256, CancellationToken cancellationToken = default)
    {
        var options = new MiniLmOptions { Threads = threads };
        var backend = new MiniLmEmbeddingBackend(options, NullLogger<MiniLmEmbeddingBackend>.Instance);
        long loadStart = Stopwatch.GetTimestamp();
        await using var model = await backend.LoadAsync(backend.BuiltinModels[0], cancellationToken).ConfigureAwait(false);
        var load = Stopwatch.GetElapsedTime(loadStart);

        using var http = UnixSocketHttp(socket);
        long firstStart = Stopwatch.GetTimestamp();
        await EmbedThroughDaemonAsync(http, Sentences(0, 1), cancellationToken).ConfigureAwait(false); // loads the model in the daemon
        var first = Stopwatch.GetElapsedTime(firstStart);
        var sample = await model.EmbedAsync(Sentences(0, 32), cancellationToken).ConfigureAwait(false);

        var points = new List<Point>();
        foreach (int batch in (int[])[1, 32])
        {
            int calls = (texts + batch - 1) / batch;
            points.Add(await MeasureAsync("in-process", batch, calls, 1, null, (offset, ct) => model.EmbedAsync(Sentences(offset, batch), ct), cancellationToken).ConfigureAwait(false));
            points.Add(await MeasureAsync("daemon", batch, calls, 1, daemonPid, (offset, ct) => EmbedThroughDaemonAsync(http, Sentences(offset, batch), ct), cancellationToken).ConfigureAwait(false));
        }

        points.Add(await MeasureAsync("daemon, 32 clients", 1, texts, 32, daemonPid, (offset, ct) => EmbedThroughDaemonAsync(http, Sentences(offset, 1), ct), cancellationToken).ConfigureAwait(false));
        return new Result(load, first, options.EffectiveThreads, sample.Tokens / 32.0, points);
    }

    /// <summary>The figures as the benchmark prints them: one line per configuration.</summary>
    public static void Print(Result result, TextWriter writer)
    {
        writer.WriteLine($"embeddings (all-minilm-l6-v2, {result.Threads} ONNX Runtime thread(s), sentences of {result.TokensPerText:F1} tokens on average):");
        writer.WriteLine($"  in-process load {result.InProcessLoad.TotalMilliseconds:F0} ms; daemon's first request (loads the model) {result.DaemonFirstRequest.TotalMilliseconds:F0} ms");
        foreach (var p in result.Points)
        {
            writer.WriteLine($"  {p.Path,-20} batch {p.BatchSize,2}: {p.EmbeddingsPerSecond,6:F0} embeddings/s  {p.CpuMillisecondsPerEmbedding,6:F2} ms CPU each ({p.DaemonCpuMillisecondsPerEmbedding:F2} in llmosd)   per call p50 {p.P50Milliseconds,7:F2} ms  p99 {p.P99Milliseconds,7:F2} ms   ({p.Calls} calls, {p.Texts} texts)");
        }
    }

    /// <summary>Warm-up, then <paramref name="calls"/> calls of <paramref name="batch"/> texts from <paramref name="clients"/> concurrent callers.</summary>
    private static async Task<Point> MeasureAsync(string path, int batch, int calls, int clients, int? daemonPid, Func<int, CancellationToken, Task> embed, CancellationToken cancellationToken)
    {
        // Enough calls for the JIT to tier up the daemon's request path (Kestrel, JSON), whose compiling would count as its CPU.
        for (int i = 0; i < Math.Max(clients, batch == 1 ? 100 : 4); i++)
        {
            await embed(i * batch, cancellationToken).ConfigureAwait(false);
        }

        var latencies = new double[calls];
        int next = -1;
        var selfStart = CpuTime.Self();
        var daemonStart = daemonPid is { } pid ? CpuTime.Of(pid) : TimeSpan.Zero;
        long start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(
            async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < calls)
                {
                    long callStart = Stopwatch.GetTimestamp();
                    await embed(index * batch, cancellationToken).ConfigureAwait(false);
                    latencies[index] = Stopwatch.GetElapsedTime(callStart).TotalMilliseconds;
                }
            },
            cancellationToken))).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var self = CpuTime.Self() - selfStart;
        var daemon = (daemonPid is { } after ? CpuTime.Of(after) : TimeSpan.Zero) - daemonStart;
        Array.Sort(latencies);
        int texts = calls * batch;
        return new Point(path, batch, calls, texts, texts / elapsed.TotalSeconds, Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99), (self + daemon).TotalMilliseconds / texts, daemon.TotalMilliseconds / texts);
    }

    private static async Task<EmbeddingResult> EmbedThroughDaemonAsync(HttpClient http, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteStartArray("input");
            foreach (string text in texts)
            {
                json.WriteStringValue(text);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        using var content = new ReadOnlyMemoryContent(body.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("v1/embeddings", content, cancellationToken).ConfigureAwait(false);
        string answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /v1/embeddings answered {(int)response.StatusCode}: {answer}");
        }

        var parsed = JsonSerializer.Deserialize(answer, OpenAiEmbeddingJsonContext.Default.EmbeddingResponse)
            ?? throw new InvalidOperationException("POST /v1/embeddings answered null");
        if (parsed.Data.Count != texts.Count || parsed.Data.Any(d => ((JsonElement)d.Embedding).GetArrayLength() != 384))
        {
            throw new InvalidOperationException($"POST /v1/embeddings answered {parsed.Data.Count} vectors for {texts.Count} texts");
        }

        return new EmbeddingResult([], parsed.Usage.PromptTokens);
    }

    /// <summary>Distinct short sentences (no two calls embed the same text), the kind a voice command or a search query is.</summary>
    private static string[] Sentences(int offset, int count) =>
        [.. Enumerable.Range(offset, count).Select(i => $"Please set a timer for {i % 60} minutes and remind me about item number {i}")];

    internal static HttpClient UnixSocketHttp(string socket) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await client.ConnectAsync(new UnixDomainSocketEndPoint(socket), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(client, ownsSocket: true);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = new Uri("http://localhost/"),
        Timeout = TimeSpan.FromMinutes(5),
    };
}
