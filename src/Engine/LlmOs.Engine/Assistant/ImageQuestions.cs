using System.Runtime.CompilerServices;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.LanguageModel;

namespace LlmOs.Engine.Assistant;

/// <summary>
/// How a question that comes with an image is understood: only the intents about an image compete (the language's
/// <see cref="CatalogIntent.NeedsImage"/> ones), through the same cheap stages as any utterance (templates, then
/// semantic; the language model is not asked to choose between two intents). <c>image.read_text</c> is taken when a
/// stage decides for it; anything else, a question about the picture, an unrelated sentence or no words at all,
/// describes the image (<c>image.describe</c>, with the best confidence any stage gave it). App intents never take an
/// image: the built-in skills answer.
/// </summary>
internal sealed class ImageQuestions(IntentUnderstanding understanding)
{
    /// <summary>What an image is asked when no stage decides: to be described.</summary>
    public const string Describe = "image.describe";

    private static readonly IReadOnlyDictionary<string, object> NoSlots = new Dictionary<string, object>();

    private readonly IntentUnderstanding _understanding = new(understanding.Recognizers.Where(r => r is not LanguageModelRecognizer));

    // One catalog per language pack, so that recognisers caching by catalog (the semantic index) build it once.
    private readonly ConditionalWeakTable<LanguagePack, IntentCatalog> _catalogs = [];

    public async Task<UnderstandingResult> UnderstandAsync(RecognitionContext context, CancellationToken cancellationToken)
    {
        var narrowed = context with { Catalog = _catalogs.GetValue(context.Language, CatalogOf), HasImage = true };
        var understood = await _understanding.UnderstandAsync(narrowed, cancellationToken).ConfigureAwait(false);
        if (narrowed.Catalog.Find(understood.Best.Intent) is not null)
        {
            return understood;
        }

        double confidence = understood.Stages.SelectMany(s => s.Candidates).Where(c => c.Intent == Describe).Select(c => c.Confidence).DefaultIfEmpty(0).Max();
        return understood with { Best = new IntentCandidate(Describe, NoSlots, confidence, "an image, and no stage decided"), Recognizer = IntentUnderstanding.NoRecognizer };
    }

    private static IntentCatalog CatalogOf(LanguagePack language) => new([.. language.Intents.Where(i => i.NeedsImage)], 0);
}
