using LlmOs.Integration.Tests.Ask;
using LlmOs.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LlmOs.Integration.Tests.Speech;

/// <summary>
/// Issue 6's acceptance test for commands, end to end through the real llmosd: every built-in intent that takes no free
/// text, said at test time by espeak-ng in three voices (the speeds alternate between slow and fast), POSTed to
/// <c>/v1/voice</c>; at least 90% must land on the right intent with the right slots. The daemon is this class's own
/// (the timers it sets go with it) and knows the test apps, so that "open firefox" has an app to open.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class SpokenCommandAcceptanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private DaemonProcess _daemon = null!;

    public async Task InitializeAsync() => _daemon = await DaemonProcess.StartAsync(AskDaemon.Options(_dir.Path, withModel: false));

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task At_least_90_percent_of_48_spoken_commands_land_on_their_intent_and_slots()
    {
        int right = 0, total = 0;
        var voices = SpokenCorpus.Voices;
        for (int i = 0; i < SpokenCorpus.Commands.Length; i++)
        {
            var (text, intent, slots) = SpokenCorpus.Commands[i];
            for (int v = 0; v < voices.Length; v++)
            {
                int speed = SpokenCorpus.Speeds[(i + v) % SpokenCorpus.Speeds.Length];
                byte[] wav = await VoiceWire.SayAsync(_dir, text, voices[v], speed);
                var (status, answer) = await VoiceWire.VoiceAsync(_daemon.Http, wav);
                Assert.True(status == 200, $"\"{text}\" ({voices[v]} {speed}): {status} {answer}\n{_daemon.Log}");
                string? heard = VoiceWire.Intent(answer);
                bool ok = heard == intent && VoiceWire.SlotsMatch(answer, slots);
                total++;
                right += ok ? 1 : 0;
                output.WriteLine(
                    $"{(ok ? "ok  " : "MISS")} {voices[v],-13} {speed} \"{text}\" -> \"{answer.GetProperty("transcript").GetString()}\" " +
                    $"accepted={answer.GetProperty("accepted").GetBoolean()} => {heard} {VoiceWire.Slots(answer)} | {answer.GetProperty("text").GetString()}");
            }
        }

        double ratio = (double)right / total;
        output.WriteLine($"{right}/{total} right ({ratio:P1})");
        Assert.True(total >= 40);
        Assert.True(ratio >= 0.9, $"only {right} of {total} spoken commands landed on the right intent and slots");
    }
}
