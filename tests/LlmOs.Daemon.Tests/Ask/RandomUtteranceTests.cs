using System.Text;
using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Skills.Desktop;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;
using LlmOs.Engine.Understanding.Templates;

namespace LlmOs.Daemon.Tests.Ask;

/// <summary>
/// 10,000 random utterances through what the daemon does with one before any model runs: the boundary's checks, then the
/// shipped language pack and the template recogniser, in-process (the integration suite sends 1,000 through the socket).
/// Every one is refused with invalid_input or too_large, or understood as some intent with a confidence in 0..1.
/// </summary>
public sealed class RandomUtteranceTests
{
    [Fact]
    public async Task Ten_thousand_random_utterances_are_each_understood_or_refused_with_a_stable_code()
    {
        var validator = new TaskRequestValidator(new DaemonSettings());
        var languages = LanguagePackLoader.Load([LanguagePackLoader.ShippedDirectory]);
        var language = languages.For(null);
        var catalog = new IntentCatalogs(new IntentRegistry()).For(1000, language);
        var slots = new SlotContext(DateTimeOffset.UtcNow, TimeZoneInfo.Utc, language, new DesktopApps([]));
        var understanding = new IntentUnderstanding([new TemplateRecognizer()]);
        var random = new Random(10_000);
        int understood = 0, refused = 0;
        for (int i = 0; i < 10_000; i++)
        {
            string utterance = Next(random);
            string checkedUtterance;
            try
            {
                checkedUtterance = validator.CheckUtterance(utterance, "utterance");
            }
            catch (EngineException e)
            {
                Assert.True(e.Kind is ErrorKind.InvalidInput or ErrorKind.TooLarge, $"{e.Kind} for utterance {i}");
                Assert.Equal("utterance", e.Field);
                refused++;
                continue;
            }

            var context = new RecognitionContext(language.Normalize(checkedUtterance), language, catalog, slots, 1000);
            var result = await understanding.UnderstandAsync(context, CancellationToken.None);
            Assert.False(string.IsNullOrEmpty(result.Best.Intent));
            Assert.InRange(result.Best.Confidence, 0, 1);
            understood++;
        }

        Assert.Equal(10_000, understood + refused);
        Assert.InRange(refused, 100, 5000); // the generator sends blanks, control characters and lone surrogates on purpose
    }

    private static readonly string[] Words =
    [
        "set", "a", "timer", "for", "minutes", "remind", "me", "to", "call", "tomorrow", "at", "9", "open", "firefox", "what",
        "time", "is", "it", "volume", "up", "mute", "lock", "twelve", "times", "seven", "%", "of", "80", "half", "past",
        "eleven", "translate", "french", "¿qué", "hora", "Straße", "日本語", "переведи", "مرحبا", "🙂", "👩‍💻", "e\u0301",
        "!!!", "$(rm -rf /)", "<script>", "%s%n", "{duration}", "[optional]", "(a|b)", "\\", "∞", "1e308", "-0", "NaN",
    ];

    private static string Next(Random random)
    {
        var text = new StringBuilder();
        int count = random.Next(0, 14);
        for (int i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "" : random.Next(10) == 0 ? " \t " : " ");
            text.Append(random.Next(40) switch
            {
                0 => new string((char)random.Next('a', 'z' + 1), random.Next(100, 3000)),
                1 => ((char)random.Next(1, 32)).ToString(),
                2 => ((char)random.Next(0xD800, 0xE000)).ToString(),
                3 => char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF)),
                _ => Words[random.Next(Words.Length)],
            });
        }

        return text.ToString();
    }
}
