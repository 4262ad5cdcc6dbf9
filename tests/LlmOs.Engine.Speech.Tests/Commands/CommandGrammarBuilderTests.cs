using LlmOs.Engine.Intents;
using LlmOs.Engine.Speech.Grammar;
using LlmOs.Engine.Understanding.Catalog;

namespace LlmOs.Engine.Speech.Tests.Commands;

/// <summary>The JSGF the builder writes from the shipped pack and from apps' intents; pocketsphinx must accept it.</summary>
public sealed class CommandGrammarBuilderTests(CommandKit kit) : IClassFixture<CommandKit>
{
    [Fact]
    public void Shipped_pack_gives_a_grammar_with_lists_and_without_free_text_intents()
    {
        var builder = new CommandGrammarBuilder(kit.Language, CommandKit.Apps, kit.Recognizer.Knows);
        var grammar = builder.Build(kit.Catalogs.For(1000, kit.Language));

        Assert.StartsWith("#JSGF V1.0;", grammar.Jsgf, StringComparison.Ordinal);
        Assert.Contains("firefox", grammar.Jsgf, StringComparison.Ordinal); // the app list slot, from the list source
        Assert.Contains("louder", grammar.Jsgf, StringComparison.Ordinal); // the direction list, from the pack
        Assert.Contains("timer.set", builder.Included);
        Assert.Contains("app.open", builder.Included);
        Assert.DoesNotContain("reminder.add", builder.Included); // every template has free text
        Assert.DoesNotContain("translate.text", builder.Included);
        Assert.DoesNotContain("image.describe", builder.Included); // needs an image
        Assert.DoesNotContain("{", grammar.Jsgf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pocketsphinx_accepts_the_grammar_and_an_app_intent_joins_it()
    {
        var before = kit.Grammar;
        kit.Registry.Register(":1.7", 1000, new NoHandler(), [new IntentDefinition("garden.water", ["water the (garden|plants) [now]", "start the sprinkler for {duration}"], new Dictionary<string, string> { ["duration"] = "duration" })]);
        var after = kit.Grammar;

        Assert.NotEqual(before.Key, after.Key);
        Assert.Contains("sprinkler", after.Jsgf, StringComparison.Ordinal);
        using var session = kit.Recognizer.Start(after); // loads the JSGF: throws if pocketsphinx refuses it
        var clip = await EspeakRecording.SpeakAsync("water the garden");
        session.Process(clip.Samples);
        var heard = session.Finish();
        Assert.Equal("water the garden", heard.Text);
    }

    [Fact]
    public void A_catalog_instance_is_built_once()
    {
        Assert.Same(kit.Grammar, kit.Grammar);
    }

    private sealed class NoHandler : IIntentHandler
    {
        public string Address => "test";

        public Task<IntentReply> HandleAsync(IntentInvocation invocation, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
