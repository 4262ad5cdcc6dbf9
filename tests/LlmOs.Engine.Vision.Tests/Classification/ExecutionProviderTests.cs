using LlmOs.Engine.Vision.Tests.Logging;
using Microsoft.ML.OnnxRuntime;

namespace LlmOs.Engine.Vision.Tests.Classification;

public sealed class ExecutionProviderTests
{
    [Fact]
    public async Task Without_the_GPU_package_the_classifier_runs_on_the_CPU_and_says_so()
    {
        // This project references the CPU package, which builds no CUDA provider in: the choice must fall to the CPU.
        Assert.DoesNotContain(OnnxVisionBackend.CudaProvider, OrtEnv.Instance().GetAvailableProviders());
        var logger = new CapturingLogger<OnnxVisionBackend>();

        await using var classifier = (OnnxImageClassifier)await VisionModels.Backend(logger).LoadAsync(VisionModels.MobileNet(), CancellationToken.None);

        Assert.Equal(OnnxVisionBackend.CpuProvider, classifier.ExecutionProvider);
        var loaded = Assert.Single(logger.Entries, e => e.Id.Id == 1500);
        Assert.Contains("on CPUExecutionProvider", loaded.Message, StringComparison.Ordinal);
        Assert.Equal("bald eagle", (await classifier.ClassifyAsync([VisionModels.Photo("eagle.jpg")], 1, CancellationToken.None))[0][0].Label);
    }
}
