using System.Text.Json;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.LanguageModel;
using LlmOs.Engine.Understanding.Slots;
using Xunit.Abstractions;

namespace LlmOs.Engine.Tests.LanguageModel;

/// <summary>
/// The language-model recogniser against the real stories260K through the real scheduler and llama.cpp. The model
/// tells stories and cannot pick intents sensibly; what is tested is that the grammar makes its answer a valid choice.
/// </summary>
public sealed class LanguageModelRecognizerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("set a timer for ten minutes")]
    [InlineData("remind me to call Anna tomorrow at 9")]
    [InlineData("tell me a story about a dragon")]
    [InlineData("open the terminal please")]
    public async Task The_answer_is_always_one_valid_choice_of_the_catalog(string utterance)
    {
        await using var harness = new LanguageModelHarness(withModel: true);
        var recognizer = new LanguageModelRecognizer(harness.Calls);

        var candidates = await recognizer.RecognizeAsync(LanguageModelHarness.Context(utterance), CancellationToken.None);

        var candidate = Assert.Single(candidates);
        output.WriteLine($"{candidate.Intent} {candidate.Confidence} {candidate.Evidence}");
        Assert.Equal(LanguageModelRecognizer.ChoiceConfidence, candidate.Confidence);
        var names = LanguageModelHarness.Catalog.Intents.Select(i => i.Name).Append(IntentUnderstanding.ChatIntent).ToList();
        Assert.Contains(candidate.Intent, names);

        // The model's own answer is the JSON the grammar allows: its intent is the candidate's, its slots are the intent's.
        using var answer = JsonDocument.Parse(candidate.Evidence!);
        Assert.Equal(candidate.Intent, answer.RootElement.GetProperty("intent").GetString());
        var declared = LanguageModelHarness.Catalog.Find(candidate.Intent)?.Slots ?? new Dictionary<string, string>();
        foreach (var slot in answer.RootElement.GetProperty("slots").EnumerateObject())
        {
            Assert.Contains(slot.Name, declared.Keys);
            Assert.Equal(JsonValueKind.String, slot.Value.ValueKind);
            Assert.InRange(slot.Value.GetString()!.Length, 0, IntentChoicePrompt.MaxSlotLength);
        }

        // Typed slots go through the slot parsers; text slots are kept as written (trimmed, when not empty).
        foreach (var (name, value) in candidate.Slots)
        {
            Assert.Contains(name, declared.Keys);
            if (declared[name] == SlotTypes.Text)
            {
                Assert.Equal(answer.RootElement.GetProperty("slots").GetProperty(name).GetString()!.Trim(), value);
            }
        }
    }

    [Fact]
    public async Task An_app_intent_with_its_own_slots_is_a_choice_too()
    {
        await using var harness = new LanguageModelHarness(withModel: true);
        var recognizer = new LanguageModelRecognizer(harness.Calls);
        var app = new CatalogIntent("org.example.Notes.add", IntentSource.App, new Dictionary<string, string> { ["note \"title\""] = SlotTypes.Text }, [], [], "add a note");
        var catalog = new IntentCatalog([.. LanguageModelHarness.Catalog.Intents, app], 2);

        var candidate = Assert.Single(await recognizer.RecognizeAsync(LanguageModelHarness.Context("note that the milk is out", catalog), CancellationToken.None));

        output.WriteLine($"{candidate.Intent} {candidate.Evidence}");
        Assert.Contains(candidate.Intent, catalog.Intents.Select(i => i.Name).Append(IntentUnderstanding.ChatIntent));
        using var answer = JsonDocument.Parse(candidate.Evidence!);
        Assert.Equal(candidate.Intent, answer.RootElement.GetProperty("intent").GetString());
    }

    [Fact]
    public async Task With_no_model_installed_there_are_no_candidates()
    {
        await using var harness = new LanguageModelHarness(withModel: false);
        var recognizer = new LanguageModelRecognizer(harness.Calls);

        var candidates = await recognizer.RecognizeAsync(LanguageModelHarness.Context("set a timer for ten minutes"), CancellationToken.None);

        Assert.Null(harness.Calls.DefaultModel);
        Assert.Empty(candidates);
    }

    [Fact]
    public async Task Cancelling_stops_the_generation()
    {
        await using var harness = new LanguageModelHarness(withModel: true);
        var recognizer = new LanguageModelRecognizer(harness.Calls);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await recognizer.RecognizeAsync(LanguageModelHarness.Context("set a timer for ten minutes"), cancel.Token));
        await Eventually.TrueAsync(() => harness.Scheduler.QueueDepth == 0 && harness.Scheduler.RunningCount == 0, "the generation ends");
    }
}
