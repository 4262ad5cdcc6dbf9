using System.Buffers;
using System.Text.Json;
using LlmOs.Ipc.Errors;
using Microsoft.Extensions.AI;

namespace LlmOs.Client.AI;

public sealed partial class LlmosEmbeddingGenerator
{
    // The wire is OpenAI's embeddings shape: {"model","input":[…]} → {"data":[{"index","embedding":[…]}],"model","usage"}.
    // Written and read here with the JSON writer and a document rather than with LlmOs.Ipc.OpenAi's Embedding* DTOs:
    // their input and embedding are untyped (a string or an array; floats or base64) for the daemon's sake, so going
    // through them would still mean walking JsonElements, and these few fields are all a client needs.

    private static ReadOnlyMemory<byte> Request(string? model, List<string> inputs)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (model is not null)
            {
                json.WriteString("model"u8, model);
            }

            json.WriteStartArray("input"u8);
            foreach (string input in inputs)
            {
                json.WriteStringValue(input);
            }

            json.WriteEndArray();
            json.WriteString("encoding_format"u8, "float");
            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static async Task<GeneratedEmbeddings<Embedding<float>>> ReadAsync(Stream body, int expected, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw Malformed("it has no 'data' array");
        }

        string? model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        var vectors = new Embedding<float>?[expected];
        var created = DateTimeOffset.UtcNow;
        foreach (var item in data.EnumerateArray())
        {
            int index = item.TryGetProperty("index", out var i) && i.TryGetInt32(out int at) ? at : -1;
            if (index < 0 || index >= expected || vectors[index] is not null || !item.TryGetProperty("embedding", out var embedding) || embedding.ValueKind != JsonValueKind.Array)
            {
                throw Malformed("an item has no valid 'index' or 'embedding'");
            }

            var vector = new float[embedding.GetArrayLength()];
            int k = 0;
            foreach (var value in embedding.EnumerateArray())
            {
                vector[k++] = value.GetSingle();
            }

            vectors[index] = new Embedding<float>(vector) { ModelId = model, CreatedAt = created };
        }

        if (vectors.Any(v => v is null))
        {
            throw Malformed($"it has fewer than the {expected} vectors asked for");
        }

        return new GeneratedEmbeddings<Embedding<float>>(vectors!) { Usage = Usage(root) };
    }

    private static UsageDetails? Usage(JsonElement root)
    {
        if (!root.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new UsageDetails
        {
            InputTokenCount = usage.TryGetProperty("prompt_tokens", out var p) && p.TryGetInt64(out long prompt) ? prompt : null,
            TotalTokenCount = usage.TryGetProperty("total_tokens", out var t) && t.TryGetInt64(out long total) ? total : null,
        };
    }

    private static LlmosException Malformed(string why) => new(ErrorCodes.Internal, "the daemon's embeddings answer is malformed: " + why);
}
