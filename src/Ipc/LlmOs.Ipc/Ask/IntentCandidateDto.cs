using System.Text.Json;

namespace LlmOs.Ipc.Ask;

/// <summary>One recogniser's guess: an intent, its slots, a confidence from 0 to 1 and what it rests on (the template, the nearest example).</summary>
public sealed record IntentCandidateDto(
    string Intent,
    double Confidence,
    IReadOnlyDictionary<string, JsonElement> Slots,
    string? Evidence = null);
