using System.Globalization;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Vision;

namespace LlmOs.Engine.Skills.Vision;

/// <summary>
/// A classifier's labels said as a sentence in the asking language: "It looks like a bald eagle (87%). It could also be a
/// kite or a vulture." The words are the language's (<c>image.*</c> replies); the labels are the model's, as they are.
/// </summary>
internal static class ImageReplies
{
    /// <summary>Below this the best label is offered as a guess ("I'm not sure…"), not as what the picture shows.</summary>
    public const float SureAt = 0.25f;

    /// <summary>Alternatives are named only from this probability on: a label at a fraction of a percent is noise.</summary>
    public const float AlternativeAt = 0.02f;

    /// <summary>At most this many alternatives follow the best label.</summary>
    public const int Alternatives = 2;

    public static string Describe(IReadOnlyList<LabelScore> labels, LanguagePack language)
    {
        var best = labels[0];
        string sentence = language.Respond(
            best.Probability >= SureAt ? "image.looks_like" : "image.unsure",
            ("label", WithArticle(best.Label, language)),
            ("percent", Percent(best.Probability)));
        var others = labels.Skip(1).Take(Alternatives).Where(l => l.Probability >= AlternativeAt).Select(l => WithArticle(l.Label, language)).ToList();
        return others.Count == 0 ? sentence : sentence + " " + language.Respond("image.could_be", ("labels", JoinWithOr(others, language)));
    }

    /// <summary>The labels for the language model's prompt: "bald eagle (87%), kite (5%)".</summary>
    public static string ForPrompt(IReadOnlyList<LabelScore> labels) =>
        string.Join(", ", labels.Select(l => $"{l.Label} ({Percent(l.Probability)}%)"));

    /// <summary>A probability as a whole percentage, at least 1 (a label shown is never "0%").</summary>
    public static string Percent(float probability) =>
        Math.Max(1, (int)Math.Round(probability * 100, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);

    /// <summary>The label with the language's indefinite article (English: "a", "an" before a vowel); as it is in a language without one.</summary>
    private static string WithArticle(string label, LanguagePack language)
    {
        if (!language.Responses.TryGetValue("image.article", out var article) || article.Length == 0)
        {
            return label;
        }

        if (label.Length > 0 && "aeiouAEIOU".Contains(label[0], StringComparison.Ordinal)
            && language.Responses.TryGetValue("image.article_vowel", out var beforeVowel))
        {
            article = beforeVowel;
        }

        return article + " " + label;
    }

    private static string JoinWithOr(List<string> items, LanguagePack language) => items.Count == 1
        ? items[0]
        : string.Join(language.Respond("format.list_separator"), items.Take(items.Count - 1)) + language.Respond("image.list_or") + items[^1];
}
