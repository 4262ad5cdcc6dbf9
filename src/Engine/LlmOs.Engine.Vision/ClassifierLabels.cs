using System.Text.Json;
using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Vision;

/// <summary>A classifier's class names, index i naming output i: a <c>.json</c> array of strings or a <c>.txt</c> file, one per line.</summary>
internal static class ClassifierLabels
{
    public static string[] Load(string model, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new EngineException(ErrorKind.ModelInvalid, $"vision model '{model}' has no labels file (a .json array or a .txt file naming its classes in output order)");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EngineException(ErrorKind.ModelInvalid, $"the labels file {path} of '{model}' cannot be read: {e.Message}");
        }

        string[] labels = Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".JSON" => FromJson(text, path),
            ".TXT" => FromLines(text),
            _ => throw new EngineException(ErrorKind.ModelInvalid, $"the labels file {path} of '{model}' is neither .json nor .txt"),
        };
        if (labels.Length == 0)
        {
            throw new EngineException(ErrorKind.ModelInvalid, $"the labels file {path} of '{model}' names no classes");
        }

        return labels;
    }

    private static string[] FromJson(string text, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(path, "it is not a JSON array");
            }

            var labels = new string[document.RootElement.GetArrayLength()];
            int i = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                labels[i] = element.ValueKind == JsonValueKind.String
                    ? element.GetString()!
                    : throw Invalid(path, $"element {i} is not a string");
                i++;
            }

            return labels;
        }
        catch (JsonException e)
        {
            throw Invalid(path, e.Message);
        }
    }

    /// <summary>One label per line; the empty lines at the end (a final newline) name nothing.</summary>
    private static string[] FromLines(string text)
    {
        var lines = text.Split('\n');
        int count = lines.Length;
        while (count > 0 && string.IsNullOrWhiteSpace(lines[count - 1]))
        {
            count--;
        }

        var labels = new string[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = lines[i].TrimEnd('\r').Trim();
        }

        return labels;
    }

    private static EngineException Invalid(string path, string reason) =>
        new(ErrorKind.ModelInvalid, $"the labels file {path} is not a JSON array of strings: {reason}");
}
