using System.Globalization;
using LlmOs.Integration.Tests.Speech;
using Xunit.Abstractions;

namespace LlmOs.Engine.Speech.Tests.Commands;

/// <summary>
/// Round trip for every built-in intent that takes no free text: text → espeak-ng (three voices, two speeds) →
/// pocketsphinx with the grammar of the real shipped pack → the real template recogniser → the same intent and slots.
/// </summary>
public sealed class SpokenCommandTests(CommandKit kit, ITestOutputHelper output) : IClassFixture<CommandKit>
{
    public static readonly string[] Voices = SpokenCorpus.Voices;

    [Fact]
    public async Task Spoken_commands_land_on_their_intent_and_slots()
    {
        var grammar = kit.Grammar;
        int right = 0, total = 0;
        foreach (var (text, intent, slots) in SpokenCorpus.Commands)
        {
            foreach (string voice in Voices)
            {
                foreach (int speed in SpokenCorpus.Speeds)
                {
                    var clip = await EspeakRecording.SpeakAsync(text, voice, speed);
                    var heard = await kit.Recognizer.RecognizeAsync(clip, grammar, CancellationToken.None);
                    var candidate = heard.Accepted ? kit.Understand(heard.Text) : null;
                    bool ok = candidate is not null && candidate.Intent == intent && SlotsMatch(candidate.Slots, slots);
                    total++;
                    right += ok ? 1 : 0;
                    output.WriteLine($"{(ok ? "ok  " : "MISS")} {voice,-9} {speed} \"{text}\" -> \"{heard.Text}\" accepted={heard.Accepted} conf={heard.Confidence:0.00} {heard.RejectedBecause} => {candidate?.Intent} {Describe(candidate?.Slots)}");
                }
            }
        }

        double ratio = (double)right / total;
        output.WriteLine($"{right}/{total} right ({ratio:P1})");
        Assert.True(total >= 40);
        Assert.True(ratio >= 0.9, $"only {right} of {total} spoken commands landed on the right intent and slots");
    }

    private static bool SlotsMatch(IReadOnlyDictionary<string, object> actual, string expected)
    {
        foreach (string pair in expected.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            if (!actual.TryGetValue(name, out var got) || Convert.ToString(got, CultureInfo.InvariantCulture) != value)
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(IReadOnlyDictionary<string, object>? slots) =>
        slots is null ? "" : string.Join(", ", slots.Select(s => $"{s.Key}={Convert.ToString(s.Value, CultureInfo.InvariantCulture)}"));
}
