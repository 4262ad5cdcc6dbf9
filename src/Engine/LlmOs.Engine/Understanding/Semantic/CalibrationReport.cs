namespace LlmOs.Engine.Understanding.Semantic;

/// <summary>
/// What <see cref="SemanticCalibration"/> found: the threshold of best accuracy and how the examples fared at it.
/// In-domain: each example left out and matched against the others; correct when its own intent is nearest and
/// clears the threshold. Out-of-domain: correct when no intent clears the threshold.
/// </summary>
public sealed record CalibrationReport(
    SimilarityAggregation Aggregation,
    float Threshold,
    double Accuracy,
    int InDomain,
    int InDomainNearestRight,
    int InDomainAccepted,
    int InDomainAcceptedWrong,
    int OutOfDomain,
    int OutOfDomainRejected,
    IReadOnlyList<(float Threshold, double Accuracy)> Curve)
{
    public override string ToString() =>
        $"{Aggregation}: threshold {Threshold:F3}, accuracy {Accuracy:P1}; in-domain {InDomain} (nearest right {InDomainNearestRight}, " +
        $"accepted right {InDomainAccepted}, accepted wrong {InDomainAcceptedWrong}); out-of-domain {OutOfDomain} (rejected {OutOfDomainRejected})";
}
