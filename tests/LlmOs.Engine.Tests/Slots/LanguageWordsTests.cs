using LlmOs.Engine.Understanding.Language;
using static LlmOs.Engine.Tests.Slots.SlotLanguages;

namespace LlmOs.Engine.Tests.Slots;

public sealed class LanguageWordsTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void The_shipped_words_load_with_every_table_filled(string language)
    {
        var words = Words(language);

        Assert.NotEmpty(words.NumberWords);
        Assert.NotEmpty(words.DurationUnits);
        Assert.NotEmpty(words.Weekdays);
        Assert.Equal(12, words.Months.Values.Distinct().Count());
        Assert.Equal(7, words.Weekdays.Values.Distinct().Count());
        Assert.False(words.Percent.IsEmpty);
        Assert.False(words.Days.IsEmpty);
        Assert.False(words.NamedTimes.IsEmpty);
    }

    [Fact]
    public void Words_match_with_accents_optional()
    {
        var words = Words("es");

        Assert.Equal(DayOfWeek.Wednesday, words.Weekdays["miercoles"]);
        Assert.Equal(16, words.NumberWords["dieciseis"]);
        Assert.Equal(2, words.FillerPhrases.Match(["por", "favor"], 0));
    }

    [Theory]
    [InlineData("nmbers:\n  words: {one: 1}\n")]
    [InlineData("time:\n  meridiem: {am: morning}\n")]
    [InlineData("time:\n  named: {noon: \"12\"}\n")]
    [InlineData("time:\n  minutes_after_hour: {y: 2}\n")]
    [InlineData("dates:\n  weekdays: {funday: 7}\n")]
    [InlineData("numbers:\n  decimal_separator: \";\"\n")]
    [InlineData("numbers: [1, 2]\n")]
    public void A_bad_words_file_is_refused_with_a_clear_error(string yaml) =>
        Assert.Throws<InvalidDataException>(() => LanguageWords.FromYaml(yaml));

    [Fact]
    public void An_empty_words_file_gives_a_language_that_reads_digits_only()
    {
        var words = LanguageWords.FromYaml("");

        Assert.Empty(words.NumberWords);
        Assert.Equal('.', words.DecimalSeparator);
    }

    [Fact]
    public void A_later_words_file_adds_to_an_earlier_one_and_wins_on_the_same_key()
    {
        string shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "languages", "en", "words.yaml"));
        string local = "filler: [yo]\nnumbers:\n  words: {eleventy: 110, twelve: 13}\ntime:\n  default_hour: 8\n";

        var words = LanguageWords.FromYaml([shipped, local]);

        Assert.Equal(110, words.NumberWords["eleventy"]);
        Assert.Equal(13, words.NumberWords["twelve"]);
        Assert.Equal(5, words.NumberWords["five"]);
        Assert.Contains("yo", words.Filler);
        Assert.Contains("please", words.Filler);
        Assert.Equal(8, words.DefaultHour);
        Assert.Equal('.', words.DecimalSeparator);
    }
}
