using System.Runtime.InteropServices;
using System.Text.Json;
using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Ipc.OpenAi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Http.OpenAi;

/// <summary>
/// OpenAI's <c>POST /v1/embeddings</c>: the texts become one <c>embed</c> task (owned by the caller, batched with
/// other requests by the engine) and the answer waits for it. Closing the connection cancels the task.
/// </summary>
internal static class EmbeddingEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/v1/embeddings", EmbedAsync);

    private static async Task EmbedAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EmbeddingEndpoints).FullName!);
        try
        {
            var request = await JsonBody.ReadAsync(context, OpenAiEmbeddingJsonContext.Default.EmbeddingRequest).ConfigureAwait(false);
            var texts = EmbeddingTexts.Validate(Texts(request.Input), "input", services.GetRequiredService<DaemonSettings>().MaxPromptChars);
            bool base64 = request.EncodingFormat switch
            {
                null or "float" => false,
                "base64" => true,
                _ => throw new EngineException(ErrorKind.InvalidInput, $"'encoding_format' is 'float' or 'base64', not '{request.EncodingFormat}'", "encoding_format"),
            };
            if (request.Dimensions is <= 0)
            {
                throw new EngineException(ErrorKind.InvalidInput, "'dimensions' must be a positive number", "dimensions");
            }

            var scheduler = services.GetRequiredService<Scheduler>();
            var task = scheduler.SubmitEmbed(PeerCredentials.Caller(context), texts, request.Model, TaskPriority.Interactive);
            try
            {
                await task.Finished.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            }
            finally
            {
                if (!task.IsFinished)
                {
                    scheduler.Cancel(task);
                }
            }

            var result = task.Embeddings ?? throw new EngineException(task.Error?.Kind ?? ErrorKind.Internal, task.Error?.Message ?? "the task ended without vectors");
            if (request.Dimensions is { } dimensions && dimensions != result.Vectors[0].Length)
            {
                throw new EngineException(ErrorKind.InvalidInput, $"model '{task.Model}' makes {result.Vectors[0].Length}-dimensional vectors; 'dimensions' cannot change that", "dimensions");
            }

            var response = new EmbeddingResponse(
                [.. result.Vectors.Select((v, i) => new EmbeddingData(i, base64 ? Convert.ToBase64String(MemoryMarshal.AsBytes(v.AsSpan())) : v))],
                task.Model,
                new EmbeddingUsage(result.Tokens, result.Tokens));
            await Results.Json(response, OpenAiEmbeddingJsonContext.Default.EmbeddingResponse).ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (EngineException e)
        {
            EmbeddingEndpointLog.Refused(logger, HttpErrors.Code(e.Kind), e.Message);
            await OpenAiErrors.WriteAsync(context, e).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            EmbeddingEndpointLog.Failed(logger, e);
            await OpenAiErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, Ipc.Errors.ErrorCodes.Internal, "the daemon failed to handle this request").ConfigureAwait(false);
        }
    }

    /// <summary>OpenAI's <c>input</c>: a string or an array of strings. Its token-array forms (arrays of integers) are refused.</summary>
    private static List<string?> Texts(JsonElement input)
    {
        switch (input.ValueKind)
        {
            case JsonValueKind.String:
                return [StringOf(input)];
            case JsonValueKind.Array:
                var texts = new List<string?>(input.GetArrayLength());
                foreach (var item in input.EnumerateArray())
                {
                    texts.Add(item.ValueKind switch
                    {
                        JsonValueKind.String => StringOf(item),
                        JsonValueKind.Number or JsonValueKind.Array => throw new EngineException(ErrorKind.Unsupported, "'input' as token ids is not supported; send the text", "input"),
                        _ => throw new EngineException(ErrorKind.InvalidInput, "'input' must be a string or an array of strings", "input"),
                    });
                }

                return texts;
            case JsonValueKind.Undefined:
                throw new EngineException(ErrorKind.InvalidInput, "'input' is required", "input");
            default:
                throw new EngineException(ErrorKind.InvalidInput, "'input' must be a string or an array of strings", "input");
        }
    }

    private static string? StringOf(JsonElement text)
    {
        try
        {
            return text.GetString();
        }
        catch (InvalidOperationException)
        {
            // "\ud800" alone: valid JSON escape syntax, but no Unicode text.
            throw new EngineException(ErrorKind.InvalidInput, "'input' holds a lone surrogate escape: it is not valid Unicode text", "input");
        }
    }
}
