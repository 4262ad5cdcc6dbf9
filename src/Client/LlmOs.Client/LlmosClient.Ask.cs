using LlmOs.Ipc.Ask;
using LlmOs.Ipc.Events;

namespace LlmOs.Client;

public sealed partial class LlmosClient
{
    /// <summary>
    /// Asks llmosd in words: it works out the intent and its slots, runs its handler (a built-in skill, an app, the
    /// language model) and returns the result: <c>Intent</c>, <c>Slots</c>, <c>Confidence</c>, <c>Handler</c>, the reply
    /// <c>Text</c> and, when the request acts on the desktop, the <c>Action</c> for the caller's session to carry out (llmosd
    /// never launches anything itself). With <see cref="AskOptions.Image"/> the question is about that image ("what is in
    /// this picture?" is <c>image.describe</c>, "read the text in this image" <c>image.read_text</c>). Cancelling the token
    /// cancels the ask. A refusal throws <see cref="LlmosException"/>.
    /// </summary>
    public Task<AskResultDto> AskAsync(string utterance, AskOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.AskAsync(Request(utterance, options), options?.Image, cancellationToken);

    /// <summary>What an ask would recognise, with every recogniser's candidates, running no handler (the image, if any, goes along as bytes).</summary>
    public async Task<IntentTestResponse> TestUtteranceAsync(string utterance, AskOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = Request(utterance, options) with { Explain = false };
        if (options?.Image is { } image)
        {
            request = request with { Image = await image.ReadBase64Async(cancellationToken).ConfigureAwait(false) };
        }

        return await Transport.TestUtteranceAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The intents this caller's utterances can reach in <paramref name="language"/> (default: llmosd's): built-ins and apps'.</summary>
    public Task<IntentCatalogResponse> GetIntentCatalogAsync(string? language = null, CancellationToken cancellationToken = default) =>
        Transport.GetIntentCatalogAsync(language, cancellationToken);

    /// <summary>This user's timers and reminders as they fall due, until <paramref name="cancellationToken"/> is cancelled.</summary>
    public IAsyncEnumerable<DueEventDto> WatchEventsAsync(CancellationToken cancellationToken = default) =>
        Transport.WatchEventsAsync(cancellationToken);

    private static AskRequestDto Request(string utterance, AskOptions? options) =>
        new(utterance, options?.Language, options?.TimeZone, options?.Explain ?? false);
}
