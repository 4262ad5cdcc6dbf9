namespace LlmOs.Engine.Understanding.Semantic;

/// <summary>How the similarities of an utterance to one intent's examples make that intent's score.</summary>
public enum SimilarityAggregation
{
    /// <summary>The nearest example's similarity.</summary>
    Max,

    /// <summary>The mean of the two nearest examples' similarities (the one example's, when the intent has one).</summary>
    MeanOfTopTwo,
}
