using LlmOs.Engine.Understanding.Language;
using static LlmOs.Engine.Tests.Slots.SlotLanguages;

namespace LlmOs.Engine.Tests.Slots;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("en", "Please set a timer, um, for 1,000 seconds.", "set a timer for 1,000 seconds")]
    [InlineData("en", "Hey, OK, what's 2.5 times 4?", "what's 2.5 times 4")]
    [InlineData("en", "Set it to 50%!", "set it to 50%")]
    [InlineData("en", "twenty-five minutes", "twenty five minutes")]
    [InlineData("en", "at 5 p.m.", "at 5 p.m")]
    [InlineData("en", "at 5 o'clock", "at 5 o'clock")]
    [InlineData("en", "it\u2019s 12:30", "it's 12:30")]
    [InlineData("en", "  ", "")]
    [InlineData("en", "could you open Firefox", "could you open firefox")]
    [InlineData("es", "Pon un temporizador de diez minutos, por favor", "pon un temporizador de diez minutos")]
    [InlineData("es", "¿Qué hora es?", "qué hora es")]
    [InlineData("es", "el 1º de enero", "el 1º de enero")]
    public void Text_becomes_lower_case_words_without_filler(string language, string text, string expected) =>
        Assert.Equal(expected, For(language).Normalize(text).ToString());

    [Fact]
    public void Tokenize_keeps_filler_for_list_entries_and_templates() =>
        Assert.Equal(["ok", "google"], TextNormalizer.Tokenize("OK Google"));
}
