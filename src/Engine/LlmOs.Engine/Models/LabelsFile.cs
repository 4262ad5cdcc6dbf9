using System.Text;
using System.Text.Json;

namespace LlmOs.Engine.Models;

/// <summary>
/// Checks an image classifier's labels file before the classifier is listed as usable: a <c>.json</c> file is an
/// array of strings, any other file is text with one label per line (blank lines are not labels). Label i names the
/// model's output i; whether the count matches the model's outputs is the backend's check, at load.
/// </summary>
public static class LabelsFile
{
    /// <summary>Labels files are small (ImageNet's 1,000 labels take 14 KB); a bigger file is not one.</summary>
    public const long MaxBytes = 16L << 20;

    /// <summary>The labels file conventionally beside a model: <c>&lt;stem&gt;.labels.json</c>, else <c>&lt;stem&gt;.labels.txt</c>; null when neither exists.</summary>
    public static string? Beside(string modelPath)
    {
        string stem = Path.Combine(Path.GetDirectoryName(modelPath) ?? "", Path.GetFileNameWithoutExtension(modelPath));
        return new[] { stem + ".labels.json", stem + ".labels.txt" }.FirstOrDefault(File.Exists);
    }

    /// <summary>What is wrong with the labels file at <paramref name="path"/>, in words a user can act on; null when it is usable.</summary>
    public static string? Problem(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return $"the labels file '{path}' does not exist";
            }

            if (info.Length > MaxBytes)
            {
                return $"the labels file '{path}' is larger than {MaxBytes >> 20} MiB";
            }

            byte[] bytes = File.ReadAllBytes(path);
            return Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase) ? JsonProblem(path, bytes) : TextProblem(path, bytes);
        }
        catch (IOException e)
        {
            return $"the labels file '{path}' cannot be read: {e.Message}";
        }
        catch (UnauthorizedAccessException)
        {
            return $"the daemon may not read the labels file '{path}'";
        }
    }

    private static string? JsonProblem(string path, byte[] bytes)
    {
        try
        {
            using var json = JsonDocument.Parse(bytes.AsMemory(HasBom(bytes) ? 3 : 0));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0
                || root.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                return $"the labels file '{path}' is not a JSON array of strings (one label per model output)";
            }

            return null;
        }
        catch (JsonException e)
        {
            return $"the labels file '{path}' is not valid JSON: {e.Message}";
        }
    }

    private static string? TextProblem(string path, byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes.AsSpan(HasBom(bytes) ? 3 : 0));
        }
        catch (DecoderFallbackException)
        {
            return $"the labels file '{path}' is not UTF-8 text";
        }

        return text.Split('\n').Any(line => line.Trim().Length > 0)
            ? null
            : $"the labels file '{path}' holds no labels (one per line)";
    }

    private static bool HasBom(byte[] bytes) => bytes.AsSpan().StartsWith("\uFEFF"u8);
}
