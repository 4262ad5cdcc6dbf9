namespace LlmOs.Engine.Vision.Tests.Classification;

public sealed class CancellationTests(MobileNetFixture mobileNet) : IClassFixture<MobileNetFixture>
{
    [Fact]
    public async Task A_cancelled_batch_throws_and_the_classifier_still_works_afterwards()
    {
        // 800 images are 50 runs of 16 and seconds of CPU at least; the cancellation comes long before their end.
        var eagle = VisionModels.Photo("eagle.jpg");
        var images = Enumerable.Repeat(eagle, 800).ToArray();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => mobileNet.Classifier.ClassifyAsync(images, 5, cancellation.Token));

        var after = await mobileNet.ClassifyOneAsync(eagle);
        Assert.Equal("bald eagle", after[0].Label);
    }

    [Fact]
    public async Task A_call_cancelled_before_it_starts_throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => mobileNet.Classifier.ClassifyAsync([VisionModels.Photo("dog.jpg")], 5, cancellation.Token));
    }

    [Fact]
    public async Task Disposing_during_a_batch_ends_it_and_later_calls_are_refused()
    {
        var eagle = VisionModels.Photo("eagle.jpg");
        var classifier = await VisionModels.Backend().LoadAsync(VisionModels.MobileNet(), CancellationToken.None);
        var running = classifier.ClassifyAsync(Enumerable.Repeat(eagle, 800).ToArray(), 5, CancellationToken.None);
        await Task.Delay(100);

        await classifier.DisposeAsync();

        // The run in progress finishes on a live session; the batch stops before its next run.
        await Assert.ThrowsAsync<ObjectDisposedException>(() => running);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => classifier.ClassifyAsync([eagle], 5, CancellationToken.None));
    }
}
