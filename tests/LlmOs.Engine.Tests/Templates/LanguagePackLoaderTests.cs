using LlmOs.Engine.Understanding.Language;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Tests.Templates;

public sealed class LanguagePackLoaderTests : IDisposable
{
    private const string BaseIntents = """
        language: en
        name: English
        rules:
          polite: "[(can|could) you] [please]"
        intents:
          time.now:
            description: Tell the time
            slots: {}
            templates:
              - "<polite> what time is it"
            examples:
              - "what time is it"
          translate.text:
            slots: {text: text, language: "list:language"}
            templates:
              - "translate {text} (into|to) {language}"
        """;

    private readonly TempDirectory _shipped = new();
    private readonly TempDirectory _user = new();

    public LanguagePackLoaderTests()
    {
        Write(_shipped, "en/intents.yaml", BaseIntents);
        Write(_shipped, "en/lists.yaml", "lists:\n  language:\n    - {spoken: french, value: fr, label: French}\n    - {in: german, out: de}\n");
        Write(_shipped, "en/responses.yaml", "time.now: \"It's {time}.\"\ntimer.set: Timer set.\n");
    }

    public void Dispose()
    {
        _shipped.Dispose();
        _user.Dispose();
    }

    [Fact]
    public void Loads_intents_with_rules_expanded_lists_and_responses()
    {
        var en = LanguagePackLoader.Load([_shipped.Path]).For("en");

        Assert.Equal("English", en.Name);
        var time = Assert.Single(en.Intents, i => i.Name == "time.now");
        Assert.Equal("([(can|could) you] [please]) what time is it", Assert.Single(time.Templates));
        Assert.Equal(["what time is it"], time.Examples);
        Assert.Equal("Tell the time", time.Description);
        Assert.Equal(["fr", "de"], en.Lists["language"].Select(e => e.Value));
        Assert.Equal("german", en.Lists["language"][1].Label); // hassil's in/out; the label defaults to the spoken form
        Assert.Equal("It's 3:05 PM.", en.Respond("time.now", ("time", "3:05 PM")));
    }

    [Fact]
    public void A_later_directory_adds_intents_templates_list_entries_and_replaces_responses()
    {
        Write(_user, "en/intents.yaml", """
            intents:
              time.now:
                templates:
                  - "<polite> tell me the time"
                examples:
                  - "got the time"
              weather.today:
                slots: {place: text}
                templates:
                  - "what's the weather [like] in {place}"
            """);
        Write(_user, "en/lists.yaml", "lists:\n  language:\n    - {spoken: klingon, value: tlh, label: Klingon}\n");
        Write(_user, "en/responses.yaml", "timer.set: Your timer is running.\n");
        Write(_user, "xx/intents.yaml", "name: Extra\nintents:\n  hello.say:\n    templates: [\"hello\"]\n");
        Write(_user, "en/words.yaml", "filler: [um]\n");

        var catalog = LanguagePackLoader.Load([_shipped.Path, _user.Path]);
        var en = catalog.For("en");

        var time = Assert.Single(en.Intents, i => i.Name == "time.now");
        Assert.Equal(2, time.Templates.Count);
        Assert.Equal(["what time is it", "got the time"], time.Examples);
        var weather = Assert.Single(en.Intents, i => i.Name == "weather.today");
        Assert.Equal("text", weather.Slots["place"]);
        Assert.Equal(["fr", "de", "tlh"], en.Lists["language"].Select(e => e.Value));
        Assert.Equal("Your timer is running.", en.Respond("timer.set"));
        Assert.Equal("It's {time}.", en.Respond("time.now"));
        Assert.True(catalog.Has("xx"));
        Assert.Equal("Extra", catalog.For("xx").Name);
    }

    [Theory]
    [InlineData("intents:\n  timer.set:\n    slots: {duration: duration}\n    templates:\n      - \"set a timer for {duration}\"\n      - \"set a timer [for {duration}\"\n", 6, "not closed")]
    [InlineData("intents:\n  timer.set:\n    slots: {duration: duration}\n    templates:\n      - \"set a {name} timer\"\n", 5, "does not declare")]
    [InlineData("intents:\n  timer.set:\n    slots: {duration: fortnights}\n", 3, "unknown type 'fortnights'")]
    [InlineData("intents:\n  timer.set:\n    templates:\n      - \"<nope> timer\"\n", 4, "unknown rule <nope>")]
    [InlineData("intents: [unclosed\n", 2, "not valid YAML")]
    public void A_broken_shipped_file_throws_naming_file_line_and_intent(string yaml, int line, string what)
    {
        Write(_shipped, "en/intents.yaml", yaml);

        var error = Assert.Throws<LanguagePackException>(() => LanguagePackLoader.Load([_shipped.Path]));

        Assert.EndsWith("intents.yaml", error.File, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Contains($"intents.yaml:{line}:", error.Message, StringComparison.Ordinal);
        if (what != "not valid YAML" && what != "unknown rule <nope>" && what != "not closed")
        {
            Assert.Contains("timer.set", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rules_may_use_rules_but_not_themselves()
    {
        Write(_user, "en/intents.yaml", """
            rules:
              ask: "<polite> <verb>"
              verb: "(tell|give) me"
            intents:
              time.now:
                templates:
                  - "<ask> the time"
            """);
        Write(_shipped, "xx/intents.yaml", "rules:\n  loop: \"[<loop>]\"\nintents:\n  a.b:\n    templates:\n      - \"<loop> x\"\n");

        var error = Assert.Throws<LanguagePackException>(() => LanguagePackLoader.Load([_shipped.Path]));
        File.Delete(_shipped.Combine("xx", "intents.yaml"));
        var en = LanguagePackLoader.Load([_shipped.Path, _user.Path]).For("en");

        Assert.Contains("refers to itself", error.Message, StringComparison.Ordinal);
        Assert.Equal("(([(can|could) you] [please]) ((tell|give) me)) the time", Assert.Single(en.Intents, i => i.Name == "time.now").Templates[1]);
    }

    [Fact]
    public void A_broken_user_file_is_skipped_with_a_warning_and_the_rest_still_loads()
    {
        Write(_user, "en/intents.yaml", "intents:\n  time.now:\n    templates:\n      - \"tell me the time\"\n  weather.today:\n    templates:\n      - \"weather in {place}\"\n");
        Write(_user, "en/responses.yaml", "timer.set: Yours.\n");
        var log = new ListLogger();

        var en = LanguagePackLoader.Load([_shipped.Path, _user.Path], log).For("en");

        Assert.Single(Assert.Single(en.Intents, i => i.Name == "time.now").Templates); // nothing of the broken file was applied
        Assert.DoesNotContain(en.Intents, i => i.Name == "weather.today");
        Assert.Equal("Yours.", en.Respond("timer.set"));
        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(2510, warning.Id);
        Assert.Contains("does not declare", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_words_file_adds_number_words_to_the_shipped_ones()
    {
        Write(_shipped, "en/words.yaml", "numbers:\n  words: {one: 1, two: 2}\n  scales: {hundred: 100}\n");
        Write(_user, "en/words.yaml", "numbers:\n  words: {three: 3}\n");

        var words = LanguagePackLoader.Load([_shipped.Path, _user.Path]).For("en").Words;

        Assert.Equal(1L, words.NumberWords["one"]);
        Assert.Equal(2L, words.NumberWords["two"]);
        Assert.Equal(3L, words.NumberWords["three"]);
        Assert.Equal(100L, words.Scales["hundred"]);
    }

    [Theory]
    [InlineData("numbers:\n  wrods: {three: 3}\n", "wrods")]
    [InlineData("numbers:\n  words: {three: lots}\n", "lots")]
    [InlineData("time:\n  meridiem: {noonish: teatime}\n", "teatime")]
    public void A_broken_user_words_file_is_skipped_with_a_warning_and_the_pack_still_loads(string yaml, string named)
    {
        Write(_shipped, "en/words.yaml", "numbers:\n  words: {one: 1, two: 2}\n");
        Write(_user, "en/words.yaml", yaml);
        Write(_user, "en/responses.yaml", "timer.set: Yours.\n");
        var log = new ListLogger();

        var en = LanguagePackLoader.Load([_shipped.Path, _user.Path], log).For("en");

        Assert.Equal(["one", "two"], en.Words.NumberWords.Keys.Order(StringComparer.Ordinal));
        Assert.True(en.Words.Meridiems.IsEmpty);
        Assert.Equal("Yours.", en.Respond("timer.set"));
        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(2510, warning.Id);
        Assert.Contains("words.yaml", warning.Message, StringComparison.Ordinal);
        Assert.Contains(named, warning.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_broken_shipped_words_file_throws_naming_the_file()
    {
        Write(_shipped, "en/words.yaml", "filler: [um]\nnumbers:\n  wrods: {three: 3}\n");

        var error = Assert.Throws<LanguagePackException>(() => LanguagePackLoader.Load([_shipped.Path]));

        Assert.EndsWith("words.yaml", error.File, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Missing_directories_are_skipped_and_english_is_required()
    {
        Assert.NotNull(LanguagePackLoader.Load([_shipped.Path, _user.Combine("nowhere")]).For("en"));
        Assert.Throws<ArgumentException>(() => LanguagePackLoader.Load([_user.Path]));
    }

    private static void Write(TempDirectory directory, string name, string text)
    {
        string path = directory.Combine(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, int Id, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, eventId.Id, formatter(state, exception)));
    }
}
