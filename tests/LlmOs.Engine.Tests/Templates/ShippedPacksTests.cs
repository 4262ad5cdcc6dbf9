using System.Diagnostics;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Templates;
using Xunit.Abstractions;
using static LlmOs.Engine.Tests.Templates.TemplateTestKit;

namespace LlmOs.Engine.Tests.Templates;

/// <summary>The shipped English and Spanish packs: they load, cover every built-in intent, and the contract's sentences land.</summary>
public sealed class ShippedPacksTests
{
    private static readonly string[] BuiltinIntents =
    [
        "time.now", "date.today", "timer.set", "timer.cancel", "timer.list", "reminder.add", "reminder.list", "reminder.cancel",
        "calc.evaluate", "app.open", "volume.set", "volume.change", "volume.mute", "screen.lock", "screenshot.take",
        "translate.text", "text.summarize", "text.write", "chat", "image.describe", "image.read_text",
    ];

    private static readonly Lazy<LanguageCatalog> Shipped = new(() => LanguagePackLoader.Load([LanguagePackLoader.ShippedDirectory]));

    [Theory]
    [InlineData("en", 5, 8)]
    [InlineData("es", 2, 8)]
    public void Every_builtin_intent_has_templates_and_examples_whose_slots_are_declared(string code, int minTemplates, int minExamples)
    {
        var pack = Shipped.Value.For(code);

        Assert.Equal(code, pack.Code);
        Assert.Equal(BuiltinIntents.Order(StringComparer.Ordinal), pack.Intents.Select(i => i.Name).Order(StringComparer.Ordinal));
        foreach (var intent in pack.Intents)
        {
            Assert.True(intent.Examples.Count >= minExamples, $"{code} {intent.Name}: {intent.Examples.Count} examples");
            if (intent.Name != "chat")
            {
                Assert.True(intent.Templates.Count >= minTemplates, $"{code} {intent.Name}: {intent.Templates.Count} templates");
            }

            foreach (string template in intent.Templates)
            {
                foreach (string slot in SlotNames(TemplateParser.Parse(template)))
                {
                    Assert.True(intent.Slots.ContainsKey(slot), $"{code} {intent.Name}: {{{slot}}} in \"{template}\"");
                }
            }
        }

        foreach (string list in new[] { "language", "direction", "mute_state" })
        {
            Assert.NotEmpty(pack.Lists[list]);
        }
    }

    [Theory]
    [InlineData("what time is it", "time.now", "")]
    [InlineData("What's the time right now?", "time.now", "")]
    [InlineData("what's the date today", "date.today", "")]
    [InlineData("set a timer for 150 seconds", "timer.set", "duration=150")]
    [InlineData("could you please set a pasta timer for 10 minutes", "timer.set", "duration=600;name=pasta")]
    [InlineData("cancel the pasta timer", "timer.cancel", "name=pasta")]
    [InlineData("how much time is left on the timer", "timer.list", "")]
    [InlineData("what is 12 times 7", "calc.evaluate", "expression=12 times 7")]
    [InlineData("what's 15% of 80", "calc.evaluate", "expression=15% of 80")]
    [InlineData("remind me to call Anna tomorrow at 9", "reminder.add", "text=call Anna;when=2026-11-30T09:00:00+00:00")]
    [InlineData("what are my reminders", "reminder.list", "")]
    [InlineData("delete my reminder to call Anna", "reminder.cancel", "text=call Anna")]
    [InlineData("open firefox", "app.open", "app=firefox.desktop")]
    [InlineData("launch the web browser", "app.open", "app=firefox.desktop")]
    [InlineData("turn the volume up", "volume.change", "direction=up")]
    [InlineData("make it quieter", "volume.change", "direction=down")]
    [InlineData("volume down a bit", "volume.change", "direction=down")]
    [InlineData("set volume to 50%", "volume.set", "level=50")]
    [InlineData("mute", "volume.mute", "state=on")]
    [InlineData("turn the sound off", "volume.mute", "state=on")]
    [InlineData("turn mute off", "volume.mute", "state=off")]
    [InlineData("lock the screen", "screen.lock", "")]
    [InlineData("take a screenshot", "screenshot.take", "")]
    [InlineData("translate good morning into french", "translate.text", "text=good morning;language=fr")]
    [InlineData("how do you say thank you in japanese", "translate.text", "text=thank you;language=ja")]
    [InlineData("summarize this: The launch moved to May.", "text.summarize", "text=The launch moved to May")]
    [InlineData("write a poem about the sea", "text.write", "topic=a poem about the sea")]
    [InlineData("what is in this picture?", "image.describe", "")]
    [InlineData("describe this image", "image.describe", "")]
    [InlineData("what do you see", "image.describe", "")]
    [InlineData("read the text in this image", "image.read_text", "")]
    [InlineData("read this screenshot to me", "image.read_text", "")]
    [InlineData("what does it say", "image.read_text", "")]
    public void English_sentences_land_on_their_intent(string text, string intent, string slots) =>
        AssertLands(Shipped.Value.For("en"), text, intent, slots);

    [Theory]
    [InlineData("qué hora es", "time.now", "")]
    [InlineData("que dia es hoy", "date.today", "")]
    [InlineData("traduce buenos días al francés", "translate.text", "text=buenos días;language=fr")]
    [InlineData("abre firefox", "app.open", "app=firefox.desktop")]
    [InlineData("sube el volumen", "volume.change", "direction=up")]
    [InlineData("quita el silencio", "volume.mute", "state=off")]
    [InlineData("bloquea la pantalla", "screen.lock", "")]
    [InlineData("escribe un poema sobre el mar", "text.write", "topic=un poema sobre el mar")]
    [InlineData("qué hay en esta imagen", "image.describe", "")]
    [InlineData("léeme esta captura", "image.read_text", "")]
    public void Spanish_sentences_land_on_their_intent(string text, string intent, string slots) =>
        AssertLands(Shipped.Value.For("es"), text, intent, slots);

    [Theory]
    [InlineData("en", "what is the capital of france")]
    [InlineData("en", "tell me a joke")]
    [InlineData("en", "tell me more")]
    [InlineData("en", "how do I bake bread")]
    [InlineData("es", "cuál es la capital de Francia")]
    public void Open_questions_are_left_to_the_other_stages(string code, string text)
    {
        var candidates = Recognize(Shipped.Value.For(code), text);

        Assert.DoesNotContain(candidates, c => c.Confidence >= 0.8);
    }

    private static void AssertLands(LanguagePack pack, string text, string intent, string slots)
    {
        var best = Recognize(pack, text)[0];

        Assert.Equal(intent, best.Intent);
        Assert.True(best.Confidence >= 0.8, $"{best.Confidence} via {best.Evidence}");
        var expected = slots.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), best.Slots.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in expected)
        {
            Assert.Equal(value, Convert.ToString(best.Slots[name], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static IEnumerable<string> SlotNames(TemplateNode node) => node switch
    {
        SlotNode slot => [slot.Name],
        SequenceNode sequence => sequence.Items.SelectMany(SlotNames),
        AlternativesNode alternatives => alternatives.Options.SelectMany(SlotNames),
        _ => [],
    };
}
