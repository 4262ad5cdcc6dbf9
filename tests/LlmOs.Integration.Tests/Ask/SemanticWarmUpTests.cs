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

        var deadline = DateTime.UtcNow.AddSeconds(60);
        IReadOnlyList<LlmOs.Ipc.Tasks.TaskDto> warmUp = [];
        while (DateTime.UtcNow < deadline)
        {
            warmUp = [.. (await daemon.Client.ListTasksAsync()).Where(t => t.Kind == "embed")];
            if (warmUp.Count > 0 && warmUp.All(t => t.State == "completed"))
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.NotEmpty(warmUp);
        Assert.All(warmUp, t => Assert.Equal("completed", t.State));
        int embedded = warmUp.Count;

        var (status, body) = await AskDaemon.AskAsync(daemon.Http, "how late is it");
        Assert.True(status == 200, body.ToString());
        Assert.Equal("time.now", body.GetProperty("intent").GetString());

        // The examples were embedded already: the paraphrase cost at most one more embed task (its own words), no re-indexing.
        var after = (await daemon.Client.ListTasksAsync()).Count(t => t.Kind == "embed");
        Assert.InRange(after, embedded, embedded + 1);
    }
}
