namespace LlmOs.Ipc.Vision;

/// <summary><c>POST /v1/images/classify</c> (and D-Bus <c>Classify</c>): the model that ran and its best labels, best first.</summary>
public sealed record ClassifyResponse(string Model, IReadOnlyList<LabelScoreDto> Labels);
