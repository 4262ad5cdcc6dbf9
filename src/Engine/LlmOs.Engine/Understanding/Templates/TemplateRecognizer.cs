using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// The first and cheapest stage: matches the utterance against every intent's sentence templates (see
/// <see cref="TemplateParser"/> for the syntax), tolerating typos, a couple of stray words and left-out optional
/// words. Candidates are the best match of each intent, best first; evidence is the template that matched.
/// </summary>
public sealed class TemplateRecognizer : IIntentRecognizer
{
    /// <summary>How many intents' best matches are returned.</summary>
    public const int MaxCandidates = 5;

    private readonly TypedSlotParser _parser;

    public TemplateRecognizer()
        : this(SlotParsers.Parse)
    {
    }

    /// <summary>A recogniser whose typed slots are read by <paramref name="parser"/> (tests).</summary>
    internal TemplateRecognizer(TypedSlotParser parser) => _parser = parser;

    public string Name => "templates";

    public double AcceptAt => 0.8;

    public ValueTask<IReadOnlyList<IntentCandidate>> RecognizeAsync(RecognitionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Recognize(context, cancellationToken));

    /// <summary>
    /// The same as <see cref="RecognizeAsync"/>, synchronously: matching is CPU work of well under a millisecond for
    /// a spoken sentence, and bounded by <see cref="TemplateLimits"/> for a long text.
    /// </summary>
    public IReadOnlyList<IntentCandidate> Recognize(RecognitionContext context, CancellationToken cancellationToken = default) =>
        Recognize(context, cancellationToken, out _);

    /// <summary>Matches, and says how many matcher steps it took (tests check the work stays bounded).</summary>
    internal IReadOnlyList<IntentCandidate> Recognize(RecognitionContext context, CancellationToken cancellationToken, out long steps)
    {
        ArgumentNullException.ThrowIfNull(context);
        steps = 0;
        if (context.Utterance.Tokens.Count == 0)
        {
            return [];
        }

        var compiled = CompiledCatalog.For(context.Catalog, context.Language.Words.Filler);
        var input = new MatchInput(context.Utterance, context.Slots, compiled.Vocabulary, compiled.SlotTypes, _parser);
        var scratch = new MatchScratch();
        var best = new Dictionary<Catalog.CatalogIntent, TemplateMatch>(ReferenceEqualityComparer.Instance);
        foreach (var template in compiled.Templates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (scratch.Steps >= TemplateLimits.MaxStepsPerUtterance)
            {
                break; // a long text against many costly templates: what was found so far is the answer
            }

            if (!CompiledCatalog.MayMatch(template, input))
            {
                continue;
            }

            var match = TemplateMatcher.Match(template, input, scratch);
            if (match is not null && match.IsBetterThan(best.GetValueOrDefault(template.Intent)))
            {
                best[template.Intent] = match;
            }
        }

        steps = scratch.Steps;
        var ranked = best.Values.ToList();
        ranked.Sort((a, b) => a.IsBetterThan(b) ? -1 : b.IsBetterThan(a) ? 1 : 0);
        return [.. ranked.Take(MaxCandidates).Select(m => new IntentCandidate(m.Template.Intent.Name, m.Slots, m.Confidence, m.Template.Text))];
    }
}
