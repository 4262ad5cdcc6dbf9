using LlmOs.Engine.Understanding.Slots;
using static LlmOs.Engine.Tests.Slots.SlotLanguages;

namespace LlmOs.Engine.Tests.Slots;

public sealed class SlotParserRobustnessTests
{
    private static readonly string[] Types =
        [SlotTypes.WholeNumber, SlotTypes.Number, SlotTypes.Duration, SlotTypes.DateTime, SlotTypes.Percentage, "list:language", SlotTypes.Text];

    private static readonly string[] Odd =
        ["999999999999999999999", "1e400", "0", "00:00", "99:99", "24:00", "12:5", "1h", "1h30h", "5pm30", "0pm", "13pm", "31st", "0th",
         "1,2,3", "1.2.3", "1,000.000,5", "%", "50%%", "-5", "2..5", "999999999999999", "1.5h30", "feb", "29th", "february", "2027", "30"];

    [Theory]
    [InlineData("en", 1)]
    [InlineData("en", 2)]
    [InlineData("es", 3)]
    [InlineData("es", 4)]
    public void Random_word_salad_from_the_language_never_throws_and_every_reading_fits(string language, int seed)
    {
        var context = Context(language);
        var words = context.Language.Words;
        string[] vocabulary =
        [
            .. words.NumberWords.Keys, .. words.Scales.Keys, .. words.DurationUnits.Keys, .. words.Weekdays.Keys, .. words.Months.Keys,
            .. words.Articles, .. words.And, .. words.Of, .. words.DateOf, .. Odd, "and", "y", "half", "quarter", "media", "cuarto",
            "past", "to", "menos", "at", "a", "las", "in", "en", "dentro", "de", "tomorrow", "mañana", "noon", "mediodía", "midnight",
            "pm", "am", "percent", "por", "ciento", "morning", "la", "tarde", "noche", "tonight", "o'clock", "point", "coma", "the", "on",
        ];
        var random = new Random(seed);
        int readings = 0;
        for (int sentence = 0; sentence < 1500; sentence++)
        {
            var tokens = new string[random.Next(1, 9)];
            for (int i = 0; i < tokens.Length; i++)
            {
                tokens[i] = vocabulary[random.Next(vocabulary.Length)];
            }

            for (int start = 0; start < tokens.Length; start++)
            {
                foreach (string type in Types)
                {
                    int previous = int.MaxValue;
                    foreach (var match in SlotParsers.Parse(type, tokens, start, context))
                    {
                        Assert.InRange(match.Length, 1, Math.Min(previous - 1, tokens.Length - start));
                        Assert.NotNull(match.Value);
                        previous = match.Length;
                        readings++;
                    }
                }
            }
        }

        Assert.True(readings > 1000, $"only {readings} readings: the salad should hold many numbers and times");
    }

    [Fact]
    public void Moments_are_never_in_the_past_when_no_date_was_said()
    {
        var context = Context();
        foreach (string text in new[] { "at 2 pm", "at 14:10", "at 14:09", "at 2:10", "at ten past two", "in 0 seconds", "at noon", "at midnight" })
        {
            string? moment = Whole(SlotTypes.DateTime, text, context) as string;
            Assert.NotNull(moment);
            Assert.True(DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture) >= context.Now, text);
        }
    }
}
