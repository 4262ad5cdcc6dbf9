using LlmOs.Ipc.Vision;

namespace LlmOs.Integration.Tests.Cli.Vision;

internal static class VisionAssert
{
    /// <summary>The same labels in the same order, with probabilities equal to rounding (a batch may add float noise).</summary>
    public static void SameLabels(ClassifyResponse expected, ClassifyResponse actual)
    {
        Assert.Equal(expected.Model, actual.Model);
        Assert.Equal(expected.Labels.Select(l => l.Label), actual.Labels.Select(l => l.Label));
        foreach (var (e, a) in expected.Labels.Zip(actual.Labels))
        {
            Assert.Equal(e.Probability, a.Probability, 1e-4);
        }
    }
}
