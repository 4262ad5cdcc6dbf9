using Xunit.Abstractions;

namespace LlmOs.Engine.Speech.Tests.Commands;

/// <summary>
/// Speech that is no command must not become an action: the grammar would force it onto its nearest sentence, so the
/// recogniser has to reject it (or accept only words the templates do not match to an action).
/// </summary>
public sealed class OutOfGrammarTests(CommandKit kit, ITestOutputHelper output) : IClassFixture<CommandKit>
{
    private static readonly HashSet<string> Actions =
    [
        "timer.set", "timer.cancel", "reminder.add", "reminder.cancel", "app.open", "volume.set", "volume.change",
        "volume.mute", "screen.lock", "screenshot.take",
    ];

    private static readonly string[] Sentences =
    [
        "the quick brown fox jumps over the lazy dog",
        "my name is Anna Schmidt",
        "I went to the market yesterday and bought some apples",
        "where did you park the car",
        "the weather is lovely this afternoon",
        "could you pass me the salt",
        "my brother lives in Manchester with his two cats",
        "how was your holiday in Spain",
        "she sells sea shells by the sea shore",
        "we should paint the kitchen green",
        "John Smith called about the invoice",
        "do you like chocolate ice cream",
        "the train to London leaves from platform nine",
        "I think it is going to rain",
        "Peter Parker is my favourite superhero",
        "please water the plants in the garden",
        "what a beautiful sunset",
        "our meeting was moved to the big conference room",
        "the children are playing football outside",
        "have you read the new book by that author",
        "my grandmother bakes the best apple pie",
        "why is the sky blue",
    ];

    [Fact]
    public async Task Sentences_that_are_not_commands_trigger_no_action()
    {
        var grammar = kit.Grammar;
        string[] voices = SpokenCommandTests.Voices;
        int rejected = 0, harmless = 0;
        var actions = new List<string>();
        for (int i = 0; i < Sentences.Length; i++)
        {
            string voice = voices[i % voices.Length];
            var clip = await EspeakRecording.SpeakAsync(Sentences[i], voice, i % 2 == 0 ? 140 : 190);
            var heard = await kit.Recognizer.RecognizeAsync(clip, grammar, CancellationToken.None);
            var candidate = heard.Accepted ? kit.Understand(heard.Text) : null;
            bool action = candidate is not null && Actions.Contains(candidate.Intent);
            rejected += heard.Accepted ? 0 : 1;
            harmless += !heard.Accepted || !action ? 1 : 0;
            if (action)
            {
                actions.Add($"\"{Sentences[i]}\" -> {candidate!.Intent}");
            }

            output.WriteLine($"{(action ? "ACTION" : "ok    ")} {voice,-9} \"{Sentences[i]}\" -> \"{heard.Text}\" accepted={heard.Accepted} conf={heard.Confidence:0.00} {heard.RejectedBecause} => {candidate?.Intent}");
        }

        output.WriteLine($"rejected {rejected}/{Sentences.Length}, no action {harmless}/{Sentences.Length}");
        Assert.True(Sentences.Length >= 20);
        Assert.Empty(actions);
    }

    [Fact]
    public async Task A_real_speech_that_is_no_command_is_rejected()
    {
        var clip = new AudioClip(Audio.AudioFixtures.JfkSamples()); // a human voice, 11 s, no command in it

        var heard = await kit.Recognizer.RecognizeAsync(clip, kit.Grammar, CancellationToken.None);

        output.WriteLine($"jfk.wav -> \"{heard.Text}\" accepted={heard.Accepted} {heard.RejectedBecause}");
        Assert.False(heard.Accepted, $"jfk.wav was taken for the command \"{heard.Text}\"");
    }
}
