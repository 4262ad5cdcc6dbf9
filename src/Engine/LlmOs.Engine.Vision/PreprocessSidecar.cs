using System.Globalization;
using System.Text.Json;
using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Vision;

/// <summary>
/// The optional <c>&lt;model stem&gt;.preprocess.json</c> beside a classifier, e.g.
/// <c>{"input_size":224,"resize":256,"mean":[0.485,0.456,0.406],"std":[0.229,0.224,0.225],"channel_order":"rgb"}</c>.
/// Its values are kept as text, in the form the model metadata uses, so that one parser reads both.
/// </summary>
internal sealed record PreprocessSidecar(IReadOnlyDictionary<string, string> Values)
{
    private static readonly string[] Keys = ["input_size", "resize", "mean", "std", "channel_order", "output"];

    public static PreprocessSidecar Read(string path)
    {
        if (!File.Exists(path))
        {
            return new PreprocessSidecar(new Dictionary<string, string>());
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "it is not a JSON object");
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!Keys.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Invalid(path, $"'{property.Name}' is not one of {string.Join(", ", Keys)}");
                }

                values[property.Name] = AsText(property.Value) ?? throw Invalid(path, $"'{property.Name}' is neither a number, a string nor an array of numbers");
            }

            return new PreprocessSidecar(values);
        }
        catch (JsonException e)
        {
            throw Invalid(path, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Invalid(path, e.Message);
        }
    }

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number) =>
            string.Join(',', value.EnumerateArray().Select(e => e.GetDouble().ToString("R", CultureInfo.InvariantCulture))),
        _ => null,
    };

    private static EngineException Invalid(string path, string reason) =>
        new(ErrorKind.ModelInvalid, $"the preprocessing sidecar {path} is not usable: {reason}");
}
