using LlmOs.Engine.Understanding.Templates;

namespace LlmOs.Engine.Tests.Templates;

public sealed class TemplateParserTests
{
    [Fact]
    public void Parses_words_optional_alternatives_slots_and_rules()
    {
        var root = TemplateParser.Parse("(Set|start) [a|an] {name} timer, for <polite>!");

        var items = Assert.IsType<SequenceNode>(root).Items;
        Assert.Equal(6, items.Count);
        var verbs = Assert.IsType<AlternativesNode>(items[0]);
        Assert.False(verbs.Optional);
        Assert.Equal(["set", "start"], verbs.Options.Select(o => Assert.IsType<LiteralNode>(Assert.Single(Assert.IsType<SequenceNode>(o).Items)).Word));
        var article = Assert.IsType<AlternativesNode>(items[1]);
        Assert.True(article.Optional);
        Assert.Equal(3, article.Options.Count); // a, an, nothing
        Assert.Empty(Assert.IsType<SequenceNode>(article.Options[2]).Items);
        Assert.Equal("name", Assert.IsType<SlotNode>(items[2]).Name);
        Assert.Equal("timer", Assert.IsType<LiteralNode>(items[3]).Word);
        Assert.Equal("for", Assert.IsType<LiteralNode>(items[4]).Word);
        Assert.Equal("polite", Assert.IsType<RuleNode>(items[5]).Name);
    }

    [Fact]
    public void Nests_groups_and_keeps_words_the_normaliser_keeps()
    {
        var root = Assert.IsType<SequenceNode>(TemplateParser.Parse("what's [the (current|exact [local])] time at 12:30"));

        Assert.Equal("what's", Assert.IsType<LiteralNode>(root.Items[0]).Word);
        var optional = Assert.IsType<AlternativesNode>(root.Items[1]);
        var inner = Assert.IsType<SequenceNode>(optional.Options[0]);
        var nested = Assert.IsType<AlternativesNode>(inner.Items[1]);
        Assert.Equal(2, nested.Options.Count);
        Assert.Equal("12:30", Assert.IsType<LiteralNode>(root.Items[^1]).Word);
    }

    [Fact]
    public void A_restricted_free_text_slot_carries_its_words()
    {
        var root = Assert.IsType<SequenceNode>(TemplateParser.Parse("what is {expression:(plus|times)}"));

        var slot = Assert.IsType<SlotNode>(root.Items[2]);
        Assert.Equal("expression", slot.Name);
        Assert.IsType<AlternativesNode>(Assert.Single(Assert.IsType<SequenceNode>(slot.Requirement).Items));
    }

    [Theory]
    [InlineData("set [a timer", 5, "not closed")]
    [InlineData("set a) timer", 6, "unbalanced")]
    [InlineData("set a {duration timer", 7, "not closed")]
    [InlineData("set a {} timer", 7, "bad slot name")]
    [InlineData("set a <rule", 7, "not closed")]
    [InlineData("set a timer}", 12, "unbalanced")]
    public void Syntax_errors_name_the_column(string template, int column, string what)
    {
        var error = Assert.Throws<TemplateSyntaxException>(() => TemplateParser.Parse(template));

        Assert.Equal(column, error.Column);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Contains(template, error.Message, StringComparison.Ordinal);
    }
}
