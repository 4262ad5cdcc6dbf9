using LlmOs.Integration.Tests.Ask;
using LlmOs.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LlmOs.Integration.Tests.Speech;

/// <summary>
/// Issue 6's acceptance test for rejection, end to end through the real llmosd: 22 spoken sentences that are no
/// command (ordinary sentences, questions, names) POSTed to <c>/v1/voice</c> produce no desktop action and no action
/// intent, and afterwards the caller has no timer and no reminder. Each answer is "I didn't catch that." or a harmless
/// one (a time, a date, a sum: answers, not actions).
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class SpokenRejectionAcceptanceTests(ITestOutputHelper output) : IAsyncLifetime
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
    public async Task Sentences_that_are_not_commands_act_on_nothing_and_leave_no_timer_or_reminder()
    {
        var actions = new List<string>();
        int notCaught = 0;
        var sentences = SpokenCorpus.NonCommands;
        for (int i = 0; i < sentences.Length; i++)
        {
            string voice = SpokenCorpus.Voices[i % SpokenCorpus.Voices.Length];
            int speed = SpokenCorpus.Speeds[i % SpokenCorpus.Speeds.Length];
            byte[] wav = await VoiceWire.SayAsync(_dir, sentences[i], voice, speed);
            var (status, answer) = await VoiceWire.VoiceAsync(_daemon.Http, wav);
            Assert.True(status == 200, $"\"{sentences[i]}\": {status} {answer}\n{_daemon.Log}");
            string? intent = VoiceWire.Intent(answer);
            string text = answer.GetProperty("text").GetString()!;
            bool acted = VoiceWire.HasAction(answer) || (intent is not null && SpokenCorpus.Actions.Contains(intent));
            notCaught += text == SpokenCorpus.NotCaught ? 1 : 0;
            if (acted)
            {
                actions.Add($"\"{sentences[i]}\" -> {intent} {(answer.TryGetProperty("action", out var action) ? action : "")}");
            }

            output.WriteLine(
                $"{(acted ? "ACTION" : "ok    ")} {voice,-13} {speed} \"{sentences[i]}\" -> \"{answer.GetProperty("transcript").GetString()}\" " +
                $"accepted={answer.GetProperty("accepted").GetBoolean()} => {intent} | {text}");
            Assert.True(text == SpokenCorpus.NotCaught || intent is not null, $"\"{sentences[i]}\" got neither a refusal nor an intent's answer: {answer}");
        }

        output.WriteLine($"not caught {notCaught}/{sentences.Length}, actions {actions.Count}");
        Assert.True(sentences.Length >= 20);
        Assert.Empty(actions);

        var timers = await VoiceWire.AskAsync(_daemon.Http, "show my timers");
        Assert.Equal("timer.list", VoiceWire.Intent(timers));
        Assert.Equal("You have no timers.", timers.GetProperty("text").GetString());
        var reminders = await VoiceWire.AskAsync(_daemon.Http, "what are my reminders");
        Assert.Equal("reminder.list", VoiceWire.Intent(reminders));
        Assert.Equal("You have no reminders.", reminders.GetProperty("text").GetString());
    }
}
