using LlmOs.Engine.Understanding.Slots;
using static LlmOs.Engine.Tests.Templates.TemplateTestKit;

namespace LlmOs.Engine.Tests.Templates;

public sealed class SlotExtractorTests
{
    private static readonly Understanding.Language.LanguagePack Language = Pack([]);

    [Fact]
    public void Typed_list_and_text_slots_are_filled_without_a_template()
    {
        var reminder = Intent("reminder.add", "text:text,when:datetime", "remind me to {text} {when}", "(set|create) a reminder (to|about) {text} {when}");

        var slots = Extract(reminder, "Could you make sure I Call Anna tomorrow at 9");

        Assert.Equal("2026-11-30T09:00:00+00:00", slots["when"]);
        Assert.Equal("Could you make sure I Call Anna", slots["text"]);
    }

    [Fact]
    public void Free_text_loses_the_templates_words_at_its_edges_and_list_values_are_cut_out()
    {
        var translate = Intent("translate.text", "text:text,language:list:language",
            "translate {text} (into|to) {language}", "how do you say {text} in {language}");

        var slots = Extract(translate, "how would you say Good Night in French please");

        Assert.Equal("fr", slots["language"]);
        Assert.Equal("would you say Good Night", slots["text"]); // "how" trimmed at the edge; "would" is no word of the templates
    }

    [Fact]
    public void The_longest_list_entry_wins_and_the_first_typed_value_is_taken()
    {
        var intent = Intent("demo", "language:list:language,duration:duration");

        var slots = Extract(intent, "in german or brazilian portuguese for 5 minutes then 10 minutes");

        Assert.Equal("pt", slots["language"]);
        Assert.Equal(300L, slots["duration"]);
    }

    [Fact]
    public void Slots_nothing_fills_are_left_out()
    {
        var intent = Intent("timer.set", "duration:duration,name:text", "set a timer for {duration}");

        var slots = Extract(intent, "set a timer");

        Assert.Empty(slots);
    }

    private static IReadOnlyDictionary<string, object> Extract(Understanding.Catalog.CatalogIntent intent, string text) =>
        SlotExtractor.Extract(intent, Language.Normalize(text), SlotContextFor(Language), FakeParse);
}
