namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>
/// One row run through the pipeline and through each recogniser alone (keyed by the recogniser's name), with the
/// pipeline's time and the time of each stage it ran.
/// </summary>
public sealed record RowResult(CorpusRow Row, Verdict Pipeline, IReadOnlyDictionary<string, Verdict> Alone, TimeSpan Elapsed, IReadOnlyDictionary<string, TimeSpan> StageTimes);
