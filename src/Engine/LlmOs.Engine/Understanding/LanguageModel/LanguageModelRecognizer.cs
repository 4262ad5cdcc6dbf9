using System.Runtime.CompilerServices;
using System.Text.Json;
using LlmOs.Engine.Assistant;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Understanding.Catalog;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Understanding.LanguageModel;

/// <summary>
/// The last stage: the default LLM picks one of the catalog's intents (or <c>chat</c>) with its slots, answering
/// JSON that a grammar built from the catalog forces into shape, greedily and in a few tokens. With no LLM installed
/// it gives no candidates, and the pipeline's fallback (<c>chat</c> at confidence 0) lets the chat skill say so.
/// </summary>
public sealed class LanguageModelRecognizer(LanguageModelCalls llm, ILogger<LanguageModelRecognizer>? logger = null) : IIntentRecognizer
{
    /// <summary>
    /// The confidence of the model's choice. Fixed: a greedy constrained answer carries no calibrated probability, and
    /// this stage decides whatever it says (<see cref="AcceptAt"/> 0); moderate, so that it reads as a guess in <c>--explain</c>.
    /// </summary>
    public const double ChoiceConfidence = 0.5;

    /// <summary>Enough for the JSON of an intent with two slots of <see cref="IntentChoicePrompt.MaxSlotLength"/> characters.</summary>
    public const int MaxAnswerTokens = 128;

    private readonly ILogger _logger = logger ?? NullLogger<LanguageModelRecognizer>.Instance;
    private readonly ConditionalWeakTable<IntentCatalog, IntentChoicePrompt> _prompts = [];

    public string Name => "llm";

    public double AcceptAt => 0;

    public LanguageModelCalls Calls => llm;

    public async ValueTask<IReadOnlyList<IntentCandidate>> RecognizeAsync(RecognitionContext context, CancellationToken cancellationToken)
    {
        string text = context.Utterance.Text.Trim();
        if (text.Length == 0 || llm.DefaultModel is null)
        {
            return [];
        }

        var prompt = _prompts.GetValue(context.Catalog, IntentChoicePrompt.For);
        var options = new GenerationOptions { Grammar = prompt.Grammar, Temperature = 0, MaxTokens = MaxAnswerTokens, Seed = 1 };
        string answer;
        try
        {
            answer = await llm.ChatAsync(context.CallerUid, [new ChatTurn("system", prompt.System), new ChatTurn("user", text)], options, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineException e) when (!cancellationToken.IsCancellationRequested)
        {
            LanguageModelLog.Failed(_logger, e.Kind.ToString(), e.Message);
            return [];
        }

        return [Read(answer, context)];
    }

    /// <summary>The candidate the answer names, with its slots typed; chat (confidence 0) when it cannot be read, which the grammar should make impossible.</summary>
    private IntentCandidate Read(string answer, RecognitionContext context)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            var root = json.RootElement;
            string name = root.GetProperty("intent").GetString() ?? "";
            var intent = context.Catalog.Find(name);
            if (intent is null || name == IntentUnderstanding.ChatIntent)
            {
                return new IntentCandidate(IntentUnderstanding.ChatIntent, new Dictionary<string, object>(), ChoiceConfidence, answer);
            }

            var written = root.TryGetProperty("slots", out var slots) && slots.ValueKind == JsonValueKind.Object
                ? slots.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => (p.Name, p.Value.GetString()!)).ToList()
                : [];
            return new IntentCandidate(intent.Name, ModelSlotValues.Read(intent, written, context.Slots), ChoiceConfidence, answer);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            LanguageModelLog.Unreadable(_logger, e.Message, answer.Length); // its length only: the answer holds the user's words
            return new IntentCandidate(IntentUnderstanding.ChatIntent, new Dictionary<string, object>(), 0, answer);
        }
    }
}
