using System.Globalization;
using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Vision;

/// <summary>
/// Where the preprocessing comes from, key by key: the ONNX model's custom metadata first, then a JSON sidecar
/// <c>&lt;model stem&gt;.preprocess.json</c> beside the model, then the ImageNet defaults (224 from 256, ImageNet
/// mean and std, RGB, logits). A fixed input shape in the model gives the input size.
/// <list type="table">
/// <item><term><c>llmos.input_size</c> / <c>input_size</c></term><description>side of the square input (when the model's shape leaves it open)</description></item>
/// <item><term><c>llmos.resize</c> / <c>resize</c></term><description>shorter side before the centre crop (default: input × 256 / 224)</description></item>
/// <item><term><c>llmos.mean</c> / <c>mean</c></term><description>three numbers on the 0–1 scale, in R, G, B order ("0.485,0.456,0.406" or a JSON array)</description></item>
/// <item><term><c>llmos.std</c> / <c>std</c></term><description>three positive numbers on the 0–1 scale, R, G, B (1/255 for models that take 0–255 values)</description></item>
/// <item><term><c>llmos.channel_order</c> / <c>channel_order</c></term><description><c>rgb</c> or <c>bgr</c>: the order of the input's planes</description></item>
/// <item><term><c>llmos.output</c> / <c>output</c></term><description><c>logits</c> (softmax applied) or <c>probabilities</c> (the model's own softmax)</description></item>
/// </list>
/// </summary>
internal sealed partial record ClassifierPreprocessing
{
    public const string MetadataPrefix = "llmos.";

    public static string SidecarPath(string modelPath) =>
        Path.Combine(Path.GetDirectoryName(modelPath) ?? ".", Path.GetFileNameWithoutExtension(modelPath) + ".preprocess.json");

    public static ClassifierPreprocessing Resolve(IReadOnlyDictionary<string, string> metadata, string modelPath, ClassifierSignature signature)
    {
        var sidecar = PreprocessSidecar.Read(SidecarPath(modelPath));
        string? Declared(string key) =>
            metadata.TryGetValue(MetadataPrefix + key, out string? value) ? value : sidecar.Values.GetValueOrDefault(key);

        int? size = Declared("input_size") is { } sizeText ? Positive("input_size", sizeText) : null;
        if (size is int side && ((signature.Width > 0 && signature.Width != side) || (signature.Height > 0 && signature.Height != side)))
        {
            throw Invalid($"input_size {side} contradicts the model's input, which is {signature.Width}x{signature.Height}");
        }

        int width = signature.Width > 0 ? signature.Width : size ?? 224;
        int height = signature.Height > 0 ? signature.Height : size ?? 224;
        int resize = Declared("resize") is { } resizeText ? Positive("resize", resizeText) : DefaultResize(width, height);
        if (resize < Math.Max(width, height) || width > 4096 || height > 4096 || resize > 8192)
        {
            throw Invalid($"the input is {width}x{height} cropped from a shorter side of {resize}: the crop must fit and stay under 4096, the resize under 8192");
        }

        float[] mean = Declared("mean") is { } meanText ? Triple("mean", meanText) : ImageNetMean;
        float[] std = Declared("std") is { } stdText ? Triple("std", stdText) : ImageNetStd;
        if (std.Any(s => !(s > 0)))
        {
            throw Invalid("std must be three positive numbers");
        }

        var order = Declared("channel_order")?.Trim().ToUpperInvariant() switch
        {
            null or "RGB" => ChannelOrder.Rgb,
            "BGR" => ChannelOrder.Bgr,
            var other => throw Invalid($"channel_order is '{other}', not rgb or bgr"),
        };
        bool probabilities = Declared("output")?.Trim().ToUpperInvariant() switch
        {
            null or "LOGITS" => false,
            "PROBABILITIES" => true,
            var other => throw Invalid($"output is '{other}', not logits or probabilities"),
        };
        return new ClassifierPreprocessing(width, height, resize, mean, std, order, probabilities);
    }

    private static int Positive(string key, string text) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw Invalid($"{key} is '{text}', not a positive whole number");

    private static float[] Triple(string key, string text)
    {
        var parts = text.Trim().TrimStart('[').TrimEnd(']').Split(',', StringSplitOptions.TrimEntries);
        var values = new float[3];
        if (parts.Length != 3)
        {
            throw Invalid($"{key} is '{text}', not three numbers");
        }

        for (int i = 0; i < 3; i++)
        {
            if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !float.IsFinite(values[i]))
            {
                throw Invalid($"{key} is '{text}', not three numbers");
            }
        }

        return values;
    }

    private static EngineException Invalid(string reason) =>
        new(ErrorKind.ModelInvalid, $"the classifier's preprocessing settings are not usable: {reason}");
}
