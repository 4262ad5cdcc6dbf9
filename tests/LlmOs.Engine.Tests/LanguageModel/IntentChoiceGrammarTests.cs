using System.Text.Json;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.LanguageModel;
using LlmOs.Engine.Understanding.Slots;
using Xunit.Abstractions;

namespace LlmOs.Engine.Tests.LanguageModel;

/// <summary>
/// The intent-choice grammar under llama.cpp's own sampler with stories260K sampling at temperature 0.7: whatever
/// it wanders into (other intents, slot values), the answer parses and is a choice the catalog allows.
/// </summary>
public sealed class IntentChoiceGrammarTests(Stories260KFixture model, ITestOutputHelper output) : IClassFixture<Stories260KFixture>
{
    [Fact]
    public void Every_sampled_answer_is_a_valid_intent_choice()
    {
        var prompt = IntentChoicePrompt.For(LanguageModelHarness.Catalog);
        var seen = new HashSet<string>();
        for (uint seed = 1; seed <= 12; seed++)
        {
            string? answer = model.Generate(prompt.Grammar, seed, maxTokens: 400);
            output.WriteLine(answer ?? "(ran out of tokens)");
            Assert.NotNull(answer);

            using var json = JsonDocument.Parse(answer);
            string intent = json.RootElement.GetProperty("intent").GetString()!;
            seen.Add(intent);
            var declared = LanguageModelHarness.Catalog.Find(intent)?.Slots;
            Assert.True(declared is not null || intent == IntentUnderstanding.ChatIntent, intent);
            foreach (var slot in json.RootElement.GetProperty("slots").EnumerateObject())
            {
                Assert.Contains(slot.Name, declared!.Keys);
                Assert.InRange(slot.Value.GetString()!.Length, 0, IntentChoicePrompt.MaxSlotLength);
            }
        }

        Assert.True(seen.Count >= 2, "sampling should reach more than one intent: " + string.Join(", ", seen));
    }

    [Fact]
    public void The_system_message_lists_every_intent_with_its_slots_and_chat()
    {
        var prompt = IntentChoicePrompt.For(LanguageModelHarness.Catalog);

        Assert.Contains("- timer.set (duration: duration, name: text): start a timer\n", prompt.System, StringComparison.Ordinal);
        Assert.Contains("- time.now: tell the time\n", prompt.System, StringComparison.Ordinal);
        Assert.EndsWith("- chat: anything else", prompt.System, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_slots_are_kept_as_written_and_undeclared_or_empty_ones_dropped()
    {
        var intent = LanguageModelHarness.Catalog.Find("reminder.add")!;
        var context = LanguageModelHarness.Context("remind me").Slots;

        var slots = ModelSlotValues.Read(intent, [("text", "  call Anna "), ("colour", "red"), ("when", "  ")], context);

        Assert.Equal("call Anna", slots["text"]);
        Assert.False(slots.ContainsKey("colour"));
        Assert.False(slots.ContainsKey("when"));
        Assert.All(slots.Keys, k => Assert.Contains(k, intent.Slots.Keys));
        Assert.Equal(SlotTypes.Text, intent.Slots["text"]);
        Assert.Equal(IntentSource.Builtin, intent.Source);
    }
}
