using LlmOs.Engine.Vision.Tests.Decoding;
using SkiaSharp;

namespace LlmOs.Engine.Vision.Tests.Classification;

/// <summary>The real MobileNetV2 (ImageNet, int8) on the real photos, decoded by the real decoder.</summary>
public sealed class MobileNetTests(MobileNetFixture mobileNet) : IClassFixture<MobileNetFixture>
{
    private readonly SkiaImageDecoder _decoder = new();

    [Fact]
    public async Task The_eagle_is_a_bald_eagle()
    {
        var labels = await mobileNet.ClassifyOneAsync(VisionModels.Photo("eagle.jpg"));

        Assert.Equal("bald eagle", labels[0].Label);
        Assert.True(labels[0].Probability > 0.5f, $"{labels[0].Probability}");
    }

    [Fact]
    public async Task The_dogs_top_three_are_dog_breeds()
    {
        var labels = await mobileNet.ClassifyOneAsync(VisionModels.Photo("dog.jpg"));

        Assert.All(labels.Take(3), l => Assert.Contains(l.Label, VisionModels.DogBreeds));
    }

    [Theory]
    [InlineData("eagle.jpg")]
    [InlineData("dog.jpg")]
    [InlineData("giraffe.jpg")]
    [InlineData("horses.jpg")]
    [InlineData("person.jpg")]
    public async Task Probabilities_are_descending_and_sum_to_at_most_one(string photo)
    {
        var labels = await mobileNet.ClassifyOneAsync(VisionModels.Photo(photo), top: 10);

        Assert.Equal(10, labels.Count);
        Assert.All(labels, l => Assert.InRange(l.Probability, 0f, 1f));
        for (int i = 1; i < labels.Count; i++)
        {
            Assert.True(labels[i].Probability <= labels[i - 1].Probability, $"{labels[i - 1]} then {labels[i]}");
        }

        Assert.True(labels.Sum(l => l.Probability) <= 1.0001f);
        Assert.Equal(10, labels.Select(l => l.Label).Distinct().Count());
    }

    [Fact]
    public async Task Top_is_clamped_to_the_class_count_and_all_classes_sum_to_one()
    {
        var labels = await mobileNet.ClassifyOneAsync(VisionModels.Photo("eagle.jpg"), top: 5000);

        Assert.Equal(1000, labels.Count);
        Assert.Equal(1000, labels.Select(l => l.Label).Distinct().Count());
        Assert.InRange(labels.Sum(l => (double)l.Probability), 0.999, 1.001);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public async Task The_same_photo_as_PNG_or_WebP_gives_the_same_top_label(SKEncodedImageFormat format)
    {
        foreach (string photo in new[] { "eagle.jpg", "dog.jpg" })
        {
            var original = VisionModels.Photo(photo);
            var reencoded = _decoder.Decode(EncodedImages.Encode(original, format, quality: 90), ImageLimits.Default);

            var expected = await mobileNet.ClassifyOneAsync(original);
            var actual = await mobileNet.ClassifyOneAsync(reencoded);

            Assert.Equal(expected[0].Label, actual[0].Label);
        }
    }

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    public async Task A_photo_stored_turned_with_an_EXIF_orientation_gives_the_same_top_label(int orientation)
    {
        var upright = VisionModels.Photo("eagle.jpg");

        // 6: viewers turn the stored pixels clockwise, so they are stored turned counter-clockwise; 8 the other way.
        var stored = EncodedImages.Rotate(upright, clockwise: orientation == 8);
        byte[] jpeg = EncodedImages.WithExifOrientation(EncodedImages.Encode(stored, SKEncodedImageFormat.Jpeg, quality: 95), orientation);
        var decoded = _decoder.Decode(jpeg, ImageLimits.Default);
        var withoutExif = _decoder.Decode(EncodedImages.Encode(stored, SKEncodedImageFormat.Jpeg, quality: 95), ImageLimits.Default);

        Assert.Equal((upright.Width, upright.Height), (decoded.Width, decoded.Height));
        Assert.Equal((upright.Height, upright.Width), (withoutExif.Width, withoutExif.Height));
        Assert.Equal("bald eagle", (await mobileNet.ClassifyOneAsync(decoded))[0].Label);
    }

    [Fact]
    public async Task A_batch_of_sixteen_gives_the_same_answers_as_one_by_one()
    {
        var photos = new[] { "eagle.jpg", "dog.jpg", "giraffe.jpg", "horses.jpg", "person.jpg" }.Select(VisionModels.Photo).ToArray();
        RgbImage[] images =
        [
            .. photos,
            .. photos.Select(EncodedImages.Mirror),
            .. photos.Select(p => EncodedImages.Rotate(p, clockwise: true)),
            VisionModels.Pattern(300, 200),
        ];
        Assert.Equal(16, images.Length);

        var batch = await mobileNet.Classifier.ClassifyAsync(images, 5, CancellationToken.None);

        Assert.Equal(16, batch.Count);
        for (int i = 0; i < images.Length; i++)
        {
            var single = await mobileNet.ClassifyOneAsync(images[i]);
            Assert.Equal(single.Select(l => l.Label), batch[i].Select(l => l.Label));
            for (int k = 0; k < single.Count; k++)
            {
                Assert.Equal(single[k].Probability, batch[i][k].Probability, 1e-4f);
            }
        }
    }

    [Fact]
    public async Task An_empty_call_gives_no_answers()
    {
        var answers = await mobileNet.Classifier.ClassifyAsync([], 5, CancellationToken.None);

        Assert.Empty(answers);
    }
}
