namespace LlmOs.Ipc.Ask;

/// <summary>
/// What one recogniser made of an utterance (<c>templates</c>, <c>semantic</c>, <c>llm</c>): whether its best candidate
/// <c>decided</c> the intent, how long it took, and its candidates, best first.
/// </summary>
public sealed record RecognizerStageDto(
    string Recognizer,
    bool Decided,
    double ElapsedMs,
    IReadOnlyList<IntentCandidateDto> Candidates);
