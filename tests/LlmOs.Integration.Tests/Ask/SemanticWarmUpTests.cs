using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Ask;

/// <summary>
/// With <c>WarmUpIntents</c> on (the default outside the test suite), llmosd embeds the built-in intents' examples
/// by itself after start: background embed tasks of root on the built-in MiniLM, which nobody asked for.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class SemanticWarmUpTests
{
    [Fact]
    public async Task At_start_llmosd_embeds_the_intents_examples_in_the_background_and_then_answers_paraphrases()
    {
        using var dir = new TempDir();
        var options = AskDaemon.Options(dir.Path, withModel: false);
        var environment = new Dictionary<string, string>(options.Environment) { ["LLMOSD_WARMUPINTENTS"] = "true" };
        await using var daemon = await DaemonProcess.StartAsync(options with { Environment = environment });

        // The warm-up embeds each installed language's examples (English and Spanish), in chunks one after another,
        // and logs once per language when done (event 2521).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && CountOf(daemon.Log, "intent example(s) for the semantic recogniser") < 2)
        {
            await Task.Delay(200);
        }

        Assert.Equal(2, CountOf(daemon.Log, "intent example(s) for the semantic recogniser"));
        var warmUp = (await daemon.Client.ListTasksAsync()).Where(t => t.Kind == "embed").ToList();
        Assert.NotEmpty(warmUp);
        Assert.All(warmUp, t => Assert.Equal("completed", t.State));
        int embedded = warmUp.Count;

        var (status, body) = await AskDaemon.AskAsync(daemon.Http, "put on a countdown of 5 minutes");
        Assert.True(status == 200, body.ToString());
        Assert.Equal("timer.set", body.GetProperty("intent").GetString());

        // The examples were embedded already: the paraphrase cost at most one more embed task (its own words), no re-indexing.
        var after = (await daemon.Client.ListTasksAsync()).Count(t => t.Kind == "embed");
        Assert.InRange(after, embedded, embedded + 1);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
