using LlmOs.Daemon.Requests;
using LlmOs.Ipc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Http.Vision;

/// <summary>
/// The image shortcuts: <c>POST /v1/images/classify?model=&amp;top=</c> and <c>POST /v1/images/ocr?language=</c> take an
/// image file's bytes as the body (any Content-Type) and answer when done, the connection being the task's lifeline:
/// a client that hangs up cancels it. Each is an ordinary task of kind <c>classify</c> or <c>ocr</c> of the caller
/// (<c>GET /v1/tasks</c> lists it); <c>POST /v1/tasks</c> takes the same with the image in base64.
/// </summary>
internal static class ImageEndpoints
{
    private const string Transport = "socket";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/images/classify", ClassifyAsync);
        app.MapPost("/v1/images/ocr", OcrAsync);
    }

    private static async Task ClassifyAsync(HttpContext context)
    {
        var services = context.RequestServices;

        // The cheap checks first: a typo in the query is refused before megabytes are read and decoded.
        var (model, top, priority) = TaskRequestValidator.CheckClassifyOptions(ImageQuery.Options(context.Request.Query), "");
        var call = new ClassifyCall(await ReadImageAsync(context).ConfigureAwait(false), model, top, priority);
        var response = await services.GetRequiredService<VisionCalls>()
            .ClassifyAsync(call, PeerCredentials.Caller(context), Transport, attach: null, context.RequestAborted).ConfigureAwait(false);
        await Results.Json(response, IpcJsonContext.Default.ClassifyResponse).ExecuteAsync(context).ConfigureAwait(false);
    }

    private static async Task OcrAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var (language, priority) = TaskRequestValidator.CheckOcrOptions(ImageQuery.Options(context.Request.Query), "");
        var call = new OcrCall(await ReadImageAsync(context).ConfigureAwait(false), language, priority);
        var response = await services.GetRequiredService<VisionCalls>()
            .OcrAsync(call, PeerCredentials.Caller(context), Transport, attach: null, context.RequestAborted).ConfigureAwait(false);
        await Results.Json(response, IpcJsonContext.Default.OcrResponse).ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>The body read whole (only then does Kestrel notice a client that hangs up) and decoded; the bytes go back to the pool.</summary>
    private static async Task<Engine.Vision.RgbImage> ReadImageAsync(HttpContext context)
    {
        var images = context.RequestServices.GetRequiredService<ImageInput>();
        using var bytes = await ImageBodies.ReadRawAsync(context, images).ConfigureAwait(false);
        return images.FromBytes(bytes.Span, ImageBodies.BodyField);
    }
}
