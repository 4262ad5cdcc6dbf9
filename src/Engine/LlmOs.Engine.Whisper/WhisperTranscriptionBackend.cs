using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using LlmOs.Engine.Speech;
using Microsoft.Extensions.Logging;
using Whisper.net;

namespace LlmOs.Engine.Whisper;

/// <summary>
/// Open dictation with Whisper.net (whisper.cpp on the CPU): loads ggml Whisper files as <see cref="ModelKind.Speech"/>
/// models. The file's magic is checked before whisper.cpp sees it, so that any other file is refused with
/// <see cref="ErrorKind.ModelInvalid"/> rather than handed to native code.
/// </summary>
public sealed class WhisperTranscriptionBackend : ITranscriptionBackend
{
    /// <summary>The first four bytes of a ggml Whisper file: "ggml" as a little-endian 32-bit number.</summary>
    public const uint GgmlMagic = 0x67676d6c;

    private readonly WhisperOptions _options;
    private readonly ILogger<WhisperTranscriptionBackend> _logger;

    public WhisperTranscriptionBackend(WhisperOptions options, ILogger<WhisperTranscriptionBackend> logger)
    {
        _options = options;
        _logger = logger;
        WhisperNativeLog.RouteTo(logger);
    }

    public async Task<ITranscriptionModel> LoadAsync(ModelEntry model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        cancellationToken.ThrowIfCancellationRequested();
        CheckMagic(model);
        long started = TimeProvider.System.GetTimestamp();
        WhisperFactory factory;
        try
        {
            // Reading and setting up the weights takes a while: off the caller's thread.
            factory = await Task.Run(() => WhisperFactory.FromPath(model.Path), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WhisperLog.LoadFailed(_logger, e, model.Path);
            throw new EngineException(ErrorKind.ModelInvalid, $"model '{model.Name}' is not a usable Whisper model: {e.Message}");
        }

        WhisperLog.Loaded(_logger, model.Path, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        return new WhisperTranscriptionModel(factory, model, _options.EffectiveThreads, _logger);
    }

    /// <summary>Refuses a file that is missing, unreadable or does not start with the ggml magic.</summary>
    private static void CheckMagic(ModelEntry model)
    {
        Span<byte> head = stackalloc byte[4];
        try
        {
            using var file = File.OpenRead(model.Path);
            if (file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && BitConverter.ToUInt32(head) == GgmlMagic)
            {
                return;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EngineException(ErrorKind.ModelInvalid, $"model '{model.Name}' cannot be read: {e.Message}");
        }

        throw new EngineException(ErrorKind.ModelInvalid, $"model '{model.Name}' is not a ggml Whisper model (its file does not start with the ggml magic)");
    }
}
