using System.Text;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Templates;
using static LlmOs.Engine.Tests.Templates.TemplateTestKit;

namespace LlmOs.Engine.Tests.Templates;

/// <summary>The templates stage's work stays bounded for long input and costly app examples (counted in matcher steps, not time).</summary>
public sealed class TemplateWorkTests
{
    private static readonly string LongText = RandomWords(4096);

    [Fact]
    public void An_app_example_of_six_free_text_slots_is_not_compiled_and_costs_nothing()
    {
        var (candidates, steps) = Run(AppIntent("notes.any", "{a} {b} {c} {d} {e} {f}"), LongText);

        Assert.DoesNotContain(candidates, c => c.Intent == "notes.any");
        Assert.InRange(steps, 0, 10_000);
    }

    [Fact]
    public void Four_free_text_slots_against_a_long_text_stop_at_the_per_template_budget()
    {
        var (_, steps) = Run(AppIntent("notes.any", "{a} {b} {c} {d}"), LongText);

        int tokens = Pack([]).Normalize(LongText).Tokens.Count;
        Assert.InRange(tokens, 500, 4096);
        Assert.InRange(steps, 1, TemplateLimits.MaxStepsPerTemplate + (16L * (tokens + 1))); // the bound, plus at most one position's work
    }

    [Fact]
    public void The_same_template_still_matches_a_short_sentence()
    {
        var (candidates, _) = Run(AppIntent("notes.any", "{a} {b} {c} {d}"), "buy milk and eggs");

        var best = Assert.Single(candidates);
        Assert.Equal("notes.any", best.Intent);
        Assert.Equal(4, best.Slots.Count);
    }

    [Fact]
    public void A_long_text_still_fills_a_one_slot_template_at_linear_cost()
    {
        var summarize = Intent("text.summarize", "text:text", "(summarize|sum up) [this] {text}");

        var (candidates, steps) = Run(summarize, "summarize this " + LongText);

        var best = Assert.Single(candidates);
        Assert.Equal("text.summarize", best.Intent);
        Assert.Equal(LongText, best.Slots["text"]);
        Assert.InRange(steps, 1, 20L * LongText.Length);
    }

    [Fact]
    public void Many_costly_templates_stop_at_the_per_utterance_budget()
    {
        var intents = Enumerable.Range(0, 40).Select(i => AppIntent($"app.{i}", "{a} {b} {c} {d}")).ToArray();

        var (_, steps) = Run(intents, LongText);

        Assert.InRange(steps, TemplateLimits.MaxStepsPerUtterance, TemplateLimits.MaxStepsPerUtterance + TemplateLimits.MaxStepsPerTemplate);
    }

    [Fact]
    public void A_cancelled_request_stops_between_templates()
    {
        var pack = Pack([AppIntent("notes.any", "{a} {b}")]);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            new TemplateRecognizer(FakeParse).Recognize(Context(pack, "buy milk"), cancelled.Token));
    }

    private static CatalogIntent AppIntent(string name, string example) =>
        new(name, IntentSource.App, new Dictionary<string, string>(StringComparer.Ordinal), [example], [example]);

    private static (IReadOnlyList<IntentCandidate> Candidates, long Steps) Run(CatalogIntent intent, string text) => Run([intent], text);

    private static (IReadOnlyList<IntentCandidate> Candidates, long Steps) Run(CatalogIntent[] intents, string text)
    {
        var pack = Pack(intents);
        var candidates = new TemplateRecognizer(FakeParse).Recognize(Context(pack, text), CancellationToken.None, out long steps);
        return (candidates, steps);
    }

    /// <summary>A fixed pseudo-random text of common words, exactly <paramref name="length"/> characters.</summary>
    private static string RandomWords(int length)
    {
        string[] words = ["the", "timer", "of", "set", "minutes", "and", "lorem", "ipsum", "window", "blue", "river", "5", "open", "to", "volume"];
        var random = new Random(5);
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(words[random.Next(words.Length)]).Append(' ');
        }

        return text.ToString(0, length).TrimEnd() + "x";
    }
}
