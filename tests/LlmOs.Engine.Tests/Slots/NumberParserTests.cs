using LlmOs.Engine.Understanding.Slots;
using static LlmOs.Engine.Tests.Slots.SlotLanguages;

namespace LlmOs.Engine.Tests.Slots;

public sealed class NumberParserTests
{
    [Theory]
    [InlineData("en", "25", 25)]
    [InlineData("en", "1,000", 1000)]
    [InlineData("en", "1,234,567", 1234567)]
    [InlineData("en", "zero", 0)]
    [InlineData("en", "nineteen", 19)]
    [InlineData("en", "twenty five", 25)]
    [InlineData("en", "twenty-five", 25)]
    [InlineData("en", "a hundred", 100)]
    [InlineData("en", "a hundred and five", 105)]
    [InlineData("en", "one hundred five", 105)]
    [InlineData("en", "two hundred thirty four", 234)]
    [InlineData("en", "two hundred and thirty-four", 234)]
    [InlineData("en", "twenty five hundred", 2500)]
    [InlineData("en", "two thousand three hundred", 2300)]
    [InlineData("en", "a thousand and one", 1001)]
    [InlineData("en", "three million two hundred thousand", 3200000)]
    [InlineData("en", "5 thousand", 5000)]
    [InlineData("en", "a dozen", 12)]
    [InlineData("en", "two dozen", 24)]
    [InlineData("es", "25", 25)]
    [InlineData("es", "1.000", 1000)]
    [InlineData("es", "veinticinco", 25)]
    [InlineData("es", "veinticínco", 25)]
    [InlineData("es", "treinta y cinco", 35)]
    [InlineData("es", "ciento cinco", 105)]
    [InlineData("es", "cien", 100)]
    [InlineData("es", "doscientos treinta y cuatro", 234)]
    [InlineData("es", "mil", 1000)]
    [InlineData("es", "dos mil", 2000)]
    [InlineData("es", "mil doscientos", 1200)]
    [InlineData("es", "un millón", 1000000)]
    [InlineData("es", "dos millones quinientos mil", 2500000)]
    [InlineData("es", "una docena", 12)]
    public void Whole_numbers_read_from_digits_and_words(string language, string text, long expected) =>
        Assert.Equal(expected, Whole(SlotTypes.WholeNumber, text, Context(language)));

    [Theory]
    [InlineData("en", "2.5", 2.5)]
    [InlineData("en", "2,5", 2.5)]
    [InlineData("en", "1,000.75", 1000.75)]
    [InlineData("en", "two and a half", 2.5)]
    [InlineData("en", "one and a quarter", 1.25)]
    [InlineData("en", "half", 0.5)]
    [InlineData("en", "a half", 0.5)]
    [InlineData("en", "a quarter", 0.25)]
    [InlineData("en", "three quarters", 0.75)]
    [InlineData("en", "two point five", 2.5)]
    [InlineData("en", "three point one four", 3.14)]
    [InlineData("en", "7", 7.0)]
    [InlineData("es", "2,5", 2.5)]
    [InlineData("es", "2.5", 2.5)]
    [InlineData("es", "1.000,5", 1000.5)]
    [InlineData("es", "dos y media", 2.5)]
    [InlineData("es", "uno y medio", 1.5)]
    [InlineData("es", "tres cuartos", 0.75)]
    [InlineData("es", "un cuarto", 0.25)]
    [InlineData("es", "media", 0.5)]
    [InlineData("es", "dos coma cinco", 2.5)]
    public void Numbers_read_with_their_fractions(string language, string text, double expected) =>
        Assert.Equal(expected, (double)Whole(SlotTypes.Number, text, Context(language))!, 6);

    [Theory]
    [InlineData("en", "five twenty", 1)]
    [InlineData("en", "twenty twenty", 1)]
    [InlineData("en", "5 and 6", 1)]
    [InlineData("en", "two and a half", 1)]
    [InlineData("en", "twenty five apples", 2)]
    [InlineData("es", "tres y cinco", 1)]
    [InlineData("es", "once y media", 1)]
    [InlineData("es", "veinte y cinco", 3)]
    public void A_whole_number_stops_where_the_words_no_longer_make_one(string language, string text, int length) =>
        Assert.Equal(length, Parse(SlotTypes.WholeNumber, text, Context(language))[0].Length);

    [Fact]
    public void Every_reading_comes_longest_first_one_per_length()
    {
        var readings = Parse(SlotTypes.WholeNumber, "a hundred and twenty five", Context());

        Assert.Equal([(5, 125L), (4, 120L), (2, 100L)], readings.Select(r => (r.Length, (long)r.Value)));
    }

    [Theory]
    [InlineData("en", "apples")]
    [InlineData("en", "a")]
    [InlineData("en", "and")]
    [InlineData("en", "a timer")]
    [InlineData("en", "12:30")]
    [InlineData("es", "y")]
    public void Words_that_are_no_number_read_nothing(string language, string text) =>
        Assert.Empty(Parse(SlotTypes.Number, text, Context(language)));

    [Fact]
    public void Whole_number_values_are_longs_and_numbers_are_doubles()
    {
        Assert.IsType<long>(Whole(SlotTypes.WholeNumber, "twelve", Context()));
        Assert.IsType<double>(Whole(SlotTypes.Number, "twelve", Context()));
        Assert.Null(Whole(SlotTypes.WholeNumber, "2.5", Context()));
    }

    [Fact]
    public void Text_and_unknown_types_read_nothing()
    {
        Assert.Empty(Parse(SlotTypes.Text, "twelve", Context()));
        Assert.Empty(Parse("colour", "twelve", Context()));
        Assert.Empty(SlotParsers.Parse(SlotTypes.Number, ["twelve"], 1, Context()));
    }
}
