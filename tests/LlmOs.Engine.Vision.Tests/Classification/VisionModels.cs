using LlmOs.Engine.Models;
using LlmOs.Engine.Vision.Tests.Decoding;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Vision.Tests.Classification;

/// <summary>Registry entries and a backend for the tests' models, and each test's own folder for the files it writes.</summary>
internal sealed class VisionModels : IDisposable
{
    private static readonly Lazy<string[]> ImageNetLabelsLazy = new(() =>
        System.Text.Json.JsonSerializer.Deserialize<string[]>(File.ReadAllText(TestMedia.ImageNetLabels))!);

    public VisionModels()
    {
        Folder = Directory.CreateTempSubdirectory("llmos-vision-").FullName;
    }

    public string Folder { get; }

    /// <summary>The 1,000 ImageNet labels, read from the labels file.</summary>
    public static string[] ImageNetLabels => ImageNetLabelsLazy.Value;

    /// <summary>ImageNet's dog breeds: classes 151 (Chihuahua) to 268 (Mexican hairless dog).</summary>
    public static string[] DogBreeds => ImageNetLabels[151..269];

    public static OnnxVisionBackend Backend(Microsoft.Extensions.Logging.ILogger<OnnxVisionBackend>? logger = null) =>
        new(new OnnxVisionOptions { Threads = 1 }, logger ?? NullLogger<OnnxVisionBackend>.Instance);

    public static ModelEntry Entry(string path, string? labels, string name = "mobilenet") =>
        new(name, path, ModelKind.Vision, ModelSource.Configured, false, new FileInfo(path).Length, null, null) { LabelsPath = labels };

    public static ModelEntry MobileNet() => Entry(TestMedia.MobileNet, TestMedia.ImageNetLabels);

    public static RgbImage Photo(string name) => new SkiaImageDecoder().Decode(File.ReadAllBytes(TestMedia.Photo(name)), ImageLimits.Default);

    /// <summary>Writes <paramref name="bytes"/> into this test's folder and gives its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string name, string text)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>An image of one colour.</summary>
    public static RgbImage Solid(int width, int height, byte r, byte g, byte b)
    {
        var pixels = new byte[width * height * 3];
        for (int p = 0; p < pixels.Length; p += 3)
        {
            (pixels[p], pixels[p + 1], pixels[p + 2]) = (r, g, b);
        }

        return new RgbImage(width, height, pixels);
    }

    public static RgbImage Pattern(int width, int height) => SkiaImageDecoderTests.Pattern(width, height);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
