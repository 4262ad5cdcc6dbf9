using LlmOs.Integration.Tests.Speech;
using Xunit.Abstractions;

namespace LlmOs.Engine.Speech.Tests.Commands;

/// <summary>
/// Speech that is no command must not become an action: the grammar would force it onto its nearest sentence, so the
/// recogniser has to reject it (or accept only words the templates do not match to an action).
/// </summary>
public sealed class OutOfGrammarTests(CommandKit kit, ITestOutputHelper output) : IClassFixture<CommandKit>
{
    private static readonly HashSet<string> Actions = SpokenCorpus.Actions;

    private static readonly string[] Sentences = SpokenCorpus.NonCommands;

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
