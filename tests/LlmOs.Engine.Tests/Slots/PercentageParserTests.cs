using LlmOs.Engine.Understanding.Slots;
using static LlmOs.Engine.Tests.Slots.SlotLanguages;

namespace LlmOs.Engine.Tests.Slots;

public sealed class PercentageParserTests
{
    [Theory]
    [InlineData("en", "50%", 50)]
    [InlineData("en", "50 %", 50)]
    [InlineData("en", "2.5%", 2.5)]
    [InlineData("en", "fifty percent", 50)]
    [InlineData("en", "50 per cent", 50)]
    [InlineData("en", "a hundred percent", 100)]
    [InlineData("en", "twelve and a half percent", 12.5)]
    [InlineData("en", "150%", 150)]
    [InlineData("en", "0%", 0)]
    [InlineData("es", "50%", 50)]
    [InlineData("es", "2,5%", 2.5)]
    [InlineData("es", "cincuenta por ciento", 50)]
    [InlineData("es", "treinta y cinco por ciento", 35)]
    [InlineData("es", "cien por cien", 100)]
    [InlineData("en", "50", 50)]
    [InlineData("en", "fifty", 50)]
    [InlineData("en", "2.5", 2.5)]
    [InlineData("es", "cincuenta", 50)]
    public void Percentages_read_as_numbers_of_percent(string language, string text, double expected) =>
        Assert.Equal(expected, (double)Whole(SlotTypes.Percentage, text, Context(language))!, 6);

    [Theory]
    [InlineData("en", "half")]
    [InlineData("en", "a half")]
    [InlineData("en", "two and a half")]
    [InlineData("en", "percent")]
    [InlineData("en", "%")]
    [InlineData("es", "media")]
    public void A_fraction_without_percent_is_no_percentage(string language, string text) =>
        Assert.Null(Whole(SlotTypes.Percentage, text, Context(language)));

    [Fact]
    public void A_number_with_percent_comes_before_the_bare_number()
    {
        var readings = Parse(SlotTypes.Percentage, "fifty percent louder", Context());

        Assert.Equal([(2, 50.0), (1, 50.0)], readings.Select(r => (r.Length, (double)r.Value)));
    }
}
