using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Templates;
using static LlmOs.Engine.Tests.Templates.TemplateTestKit;

namespace LlmOs.Engine.Tests.Templates;

public sealed class TemplateMatchingTests
{
    private static readonly Understanding.Language.LanguagePack Timers = Pack(
    [
        Intent("timer.set", "duration:duration,name:text",
            "(set|start|create) [a|an] [{name}] timer for {duration}",
            "[set [a]] timer [for] {duration}"),
        Intent("timer.cancel", "name:text", "(cancel|stop) [the] [{name}] timer"),
    ]);

    [Theory]
    [InlineData("set a timer for 5 minutes")]
    [InlineData("Start an timer for 5 minutes.")]
    [InlineData("timer 5 minutes")]
    [InlineData("set timer for 5 minutes")]
    public void Optional_words_and_alternatives_match_exactly(string text)
    {
        var best = Assert.Single(Recognize(Timers, text));

        Assert.Equal("timer.set", best.Intent);
        Assert.Equal(1.0, best.Confidence);
        Assert.Equal(300L, best.Slots["duration"]);
        Assert.False(best.Slots.ContainsKey("name"));
    }

    [Fact]
    public void A_free_text_slot_in_the_middle_keeps_the_words_as_typed()
    {
        var best = Recognize(Timers, "Set a Pasta Sauce timer for 10 minutes")[0];

        Assert.Equal("timer.set", best.Intent);
        Assert.Equal("Pasta Sauce", best.Slots["name"]);
        Assert.Equal(600L, best.Slots["duration"]);
        Assert.Equal("(set|start|create) [a|an] [{name}] timer for {duration}", best.Evidence);
    }

    [Theory]
    [InlineData("set a timmer for 5 minutes", 0.92)] // one typo in a word of 5 letters
    [InlineData("plese set a timer for 5 minutes", 0.93)] // one unknown word skipped
    [InlineData("set a timer um for uh 5 minutes", 0.86)] // two skipped
    public void Typos_and_stray_words_cost_a_little_confidence(string text, double confidence)
    {
        var best = Recognize(Timers, text)[0];
        Assert.Equal("timer.set", best.Intent);
        Assert.Equal(confidence, best.Confidence, 3);
        Assert.True(best.Confidence >= new TemplateRecognizer().AcceptAt);
        Assert.Equal(300L, best.Slots["duration"]);
    }

    [Fact]
    public void A_typo_inside_a_typed_slot_is_for_the_slot_parser_not_the_template()
    {
        // the template forgives "timmer", but "minuts" belongs to {duration}: a parser that cannot read it leaves no
        // reading, and skipping "5 minuts" would leave the required slot empty
        Assert.DoesNotContain(Recognize(Timers, "set a timmer for 5 minuts"), c => c.Intent == "timer.set");
        Assert.Equal(0.92, Recognize(Timers, "set a timmer for 5 minutes")[0].Confidence, 3);
    }

    [Theory]
    [InlineData("set a tmr for 5 minutes")] // a typo in a word under 4 letters is a different word
    [InlineData("set a timer for 5 minutes or so or more")] // three stray words
    [InlineData("set the volume to 5 minutes")]
    public void Too_far_off_does_not_match(string text) =>
        Assert.DoesNotContain(Recognize(Timers, text), c => c.Intent == "timer.set" && c.Confidence >= 0.8);

    [Fact]
    public void Filler_the_normaliser_strips_is_optional_in_templates_too()
    {
        var pack = Pack([Intent("screen.lock", "", "please lock the screen")], new HashSet<string>(StringComparer.Ordinal) { "please", "um" });

        var best = Assert.Single(Recognize(pack, "um lock the screen"));

        Assert.Equal(1.0, best.Confidence);
    }

    [Fact]
    public void Text_slots_at_the_start_and_the_end()
    {
        var pack = Pack(
        [
            Intent("text.summarize", "text:text", "{text} (summarize|sum up) [this|that]", "summarize [this] {text}"),
        ]);

        var start = Recognize(pack, "We moved the launch to May. Summarize that")[0];
        var end = Recognize(pack, "summarize this: The launch moved to May, because testing took longer.")[0];

        Assert.Equal("We moved the launch to May", start.Slots["text"]);
        Assert.Equal("The launch moved to May, because testing took longer", end.Slots["text"]);
        Assert.Equal(1.0, end.Confidence);
    }

    [Fact]
    public void List_slots_take_the_entry_value_and_free_text_stops_at_the_literal()
    {
        var pack = Pack([Intent("translate.text", "text:text,language:list:language", "translate {text} (into|to) {language}")]);

        var best = Assert.Single(Recognize(pack, "Translate Good Morning into Brazilian Portuguese"));

        Assert.Equal("Good Morning", best.Slots["text"]);
        Assert.Equal("pt", best.Slots["language"]);
    }

    [Fact]
    public void List_entries_tolerate_typos_and_machine_lists_come_from_the_list_source()
    {
        var pack = Pack([Intent("app.open", "app:list:app", "(open|launch) [the] {app}")]);

        var firefox = Assert.Single(Recognize(pack, "open firefx"));
        var browser = Assert.Single(Recognize(pack, "launch the web browser"));

        Assert.Equal("firefox.desktop", firefox.Slots["app"]);
        Assert.Equal(0.92, firefox.Confidence, 3);
        Assert.Equal("firefox.desktop", browser.Slots["app"]);
        Assert.Empty(Recognize(pack, "open the garden shed"));
    }

    [Fact]
    public void Typed_slot_readings_are_backtracked_so_free_text_gets_the_rest()
    {
        var pack = Pack([Intent("reminder.add", "text:text,when:datetime", "remind me to {text} {when}")]);

        var best = Assert.Single(Recognize(pack, "remind me to call Anna tomorrow at 9"));

        Assert.Equal("call Anna", best.Slots["text"]);
        Assert.Equal("2026-11-30T09:00:00+00:00", best.Slots["when"]);
    }

    [Fact]
    public void More_literal_words_outrank_free_text_and_a_text_only_template_never_decides()
    {
        var pack = Pack(
        [
            Intent("time.now", "", "what is the time"),
            Intent("calc.evaluate", "expression:text", "what is {expression}"),
            Intent("chatty", "text:text", "{text}"),
        ]);

        var candidates = Recognize(pack, "what is the time");

        Assert.Equal(["time.now", "calc.evaluate", "chatty"], candidates.Select(c => c.Intent));
        Assert.Equal(1.0, candidates[0].Confidence);
        Assert.True(candidates[2].Confidence < 0.8);
    }

    [Fact]
    public void A_restricted_text_slot_needs_one_of_its_words_or_a_digit()
    {
        var pack = Pack([Intent("calc.evaluate", "expression:text", "what is {expression:(plus|times)}")]);

        Assert.Equal("12 + 7", Assert.Single(Recognize(pack, "what is 12 + 7?")).Slots["expression"]);
        Assert.Equal("three times four", Assert.Single(Recognize(pack, "what is three times four")).Slots["expression"]);
        Assert.Empty(Recognize(pack, "what is the capital of France"));
    }

    [Fact]
    public void Stray_words_are_skipped_only_around_a_clear_match()
    {
        var pack = Pack([Intent("volume.change", "direction:list:direction", "{direction}")]);

        Assert.Equal("up", Assert.Single(Recognize(pack, "louder")).Slots["direction"]);
        Assert.Empty(Recognize(pack, "tell me louder")); // "{direction}" plus two skips would match anything with "up" in it
    }

    [Fact]
    public void Candidates_are_the_best_per_intent_best_first_at_most_five()
    {
        var intents = Enumerable.Range(0, 8).Select(i => Intent($"i{i}", "text:text", $"go {{text}}", $"go {string.Join(' ', Enumerable.Repeat("far", i))} {{text}}")).ToList();
        var pack = Pack(intents);

        var candidates = Recognize(pack, "go far far far away");

        Assert.Equal(TemplateRecognizer.MaxCandidates, candidates.Count);
        Assert.Equal("i3", candidates[0].Intent); // "go far far far {text}": the most literal words
        Assert.Equal(candidates.Count, candidates.Select(c => c.Intent).Distinct().Count());
    }

    [Fact]
    public void App_examples_are_templates_too_and_broken_syntax_is_read_as_a_plain_sentence()
    {
        var app = new CatalogIntent("music.play", IntentSource.App, new Dictionary<string, string> { ["genre"] = "text" },
            ["Play some {genre} music!", "what's [new"], []);
        var pack = Pack([]);
        var catalog = new IntentCatalog([app], 2);

        Assert.Equal("Jazz", Recognize(pack, "play some Jazz music", catalog)[0].Slots["genre"]);
        Assert.Equal("music.play", Recognize(pack, "what's new", catalog)[0].Intent);
    }

    [Fact]
    public void Empty_utterance_has_no_candidates() => Assert.Empty(Recognize(Timers, "  ?! "));
}
