using LlmOs.Ipc.Capabilities;

namespace LlmOs.Integration.Tests.ClientDBus;

/// <summary>Two capability reports are the same when every kind of work has the same state, models and detail (records compare lists by reference).</summary>
internal sealed class CapabilitiesComparer : IEqualityComparer<CapabilitiesResponse?>
{
    public bool Equals(CapabilitiesResponse? x, CapabilitiesResponse? y) =>
        x is not null && y is not null && Kinds(x).Zip(Kinds(y)).All(pair =>
            pair.First.State == pair.Second.State && pair.First.Detail == pair.Second.Detail && pair.First.Models.SequenceEqual(pair.Second.Models));

    public int GetHashCode(CapabilitiesResponse? obj) => obj?.TextGeneration.State.GetHashCode(StringComparison.Ordinal) ?? 0;

    private static CapabilityDto[] Kinds(CapabilitiesResponse c) =>
        [c.TextGeneration, c.Embeddings, c.Transcription, c.CommandRecognition, c.SpeechSynthesis, c.Classification, c.Ocr, c.Intents];
}
