using System.Text.Json;

namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>The corpus files and the harness's own rules (time specs, slot comparison), without a model.</summary>
public sealed class CorpusHarnessTests
{
    private static readonly IReadOnlyList<CorpusRow> English =
        [.. CorpusFile.Load("utterances.tune.tsv", CorpusFile.Tune, "en"), .. CorpusFile.Load("utterances.heldout.tsv", CorpusFile.Heldout, "en")];

    [Fact]
    public void The_English_corpus_has_300_rows_a_third_held_out_and_several_of_every_builtin_intent_in_each_split()
    {
        int heldout = English.Count(r => r.Split == CorpusFile.Heldout);

        Assert.InRange(English.Count, 300, 1000);
        Assert.InRange((double)heldout / English.Count, 0.28, 0.4);
        foreach (string intent in BuiltinIntents.Slots.Keys)
        {
            Assert.True(English.Count(r => r.Intent == intent && r.Split == CorpusFile.Tune) >= 8, $"{intent}: too few tune rows");
            Assert.True(English.Count(r => r.Intent == intent && r.Split == CorpusFile.Heldout) >= 4, $"{intent}: too few held-out rows");
        }
    }

    [Fact]
    public void Every_row_names_a_builtin_intent_and_only_its_slots_and_no_utterance_is_in_both_splits()
    {
        var spanish = CorpusFile.Load("utterances.es.tsv", "es", "es");

        Assert.InRange(spanish.Count, 10, 30);
        foreach (var row in English.Concat(spanish))
        {
            Assert.True(BuiltinIntents.Slots.TryGetValue(row.Intent, out var slots), $"{row}: unknown intent {row.Intent}");
            Assert.All(row.Slots.Keys, name => Assert.True(slots.Contains(name), $"{row}: {row.Intent} has no slot '{name}'"));
            if (row.Slots.TryGetValue(SlotExpectation.TimeSlot, out var when))
            {
                CorpusClock.Resolve(when.GetString()!); // throws on a bad spec
            }
        }

        var duplicates = English.GroupBy(r => r.Text.ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Theory]
    [InlineData("+10m", "2026-11-29T14:10:00+01:00")]
    [InlineData("+1h30m", "2026-11-29T15:30:00+01:00")]
    [InlineData("+12h", "2026-11-30T02:00:00+01:00")]
    [InlineData("today 17:00", "2026-11-29T17:00:00+01:00")]
    [InlineData("tomorrow 09:00", "2026-11-30T09:00:00+01:00")]
    [InlineData("friday 10:00", "2026-12-04T10:00:00+01:00")]
    [InlineData("sunday 08:00", "2026-12-06T08:00:00+01:00")]
    [InlineData("2027-07-01 18:00", "2027-07-01T18:00:00+02:00")]
    public void Time_specs_resolve_against_sunday_29_november_2026_at_2_pm_in_berlin(string spec, string expected) =>
        Assert.Equal(expected, CorpusClock.Resolve(spec));

    [Theory]
    [InlineData("{\"text\": \"call Anna\"}", "text", "Call Anna.", true)]
    [InlineData("{\"text\": \"call Anna\"}", "text", "call Hanna", false)]
    [InlineData("{\"expression\": \"15% of 80\"}", "expression", "15% of 80?", true)]
    [InlineData("{\"expression\": \"15% of 80\"}", "expression", "15 of 80", false)]
    [InlineData("{\"when\": \"tomorrow 09:00\"}", "when", "2026-11-30T09:00:00+01:00", true)]
    [InlineData("{\"when\": \"tomorrow 09:00\"}", "when", "2026-11-30T21:00:00+01:00", false)]
    [InlineData("{\"app\": \"firefox.desktop\"}", "app", "firefox.desktop", true)]
    public void String_slots_match_by_words_and_time_slots_exactly(string expected, string slot, string actual, bool matches)
    {
        var want = Parse(expected);

        string? mismatch = SlotExpectation.Mismatch(want, new Dictionary<string, object> { [slot] = actual });

        Assert.Equal(matches, mismatch is null);
    }

    [Fact]
    public void Numbers_match_whether_long_or_double_and_a_missing_or_mistyped_slot_does_not()
    {
        var want = Parse("{\"duration\": 150}");

        Assert.Null(SlotExpectation.Mismatch(want, new Dictionary<string, object> { ["duration"] = 150L }));
        Assert.Null(SlotExpectation.Mismatch(want, new Dictionary<string, object> { ["duration"] = 150.0 }));
        Assert.NotNull(SlotExpectation.Mismatch(want, new Dictionary<string, object> { ["duration"] = 149L }));
        Assert.NotNull(SlotExpectation.Mismatch(want, new Dictionary<string, object> { ["duration"] = "150" }));
        Assert.NotNull(SlotExpectation.Mismatch(want, new Dictionary<string, object>()));
        Assert.Null(SlotExpectation.Mismatch(Parse("{}"), new Dictionary<string, object> { ["duration"] = 1L }));
    }

    private static Dictionary<string, JsonElement> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }
}
