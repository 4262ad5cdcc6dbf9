using System.Collections.Concurrent;
using LlmOs.Engine.Speech;
using LlmOs.Engine.Speech.Grammar;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Pocketsphinx;

/// <summary>
/// Short spoken commands against a closed JSGF grammar with Debian's pocketsphinx, and the checks that keep speech
/// outside the grammar from being forced onto a command (<see cref="RejectionPolicy"/>). Decoders are costly to make
/// (the model loads in ~0.3 s) and single-threaded, so a small pool is kept; each keeps the grammars it has loaded.
/// </summary>
public sealed partial class PocketsphinxRecognizer : ICommandRecognizer, IPronunciationLexicon, IDisposable
{
    private readonly PocketsphinxOptions _options;
    private readonly ILogger<PocketsphinxRecognizer> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<Decoder> _idle = [];
    private readonly Lazy<HashSet<string>> _words;
    private bool _disposed;

    public PocketsphinxRecognizer(PocketsphinxOptions options, ILogger<PocketsphinxRecognizer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
        _slots = new SemaphoreSlim(Math.Max(1, options.Decoders));
        _words = new Lazy<HashSet<string>>(() => PronunciationDictionary.Words(options.Dictionary));
    }

    public bool Supports(string language) => language == "en" && _options.Installed;

    /// <summary>Whether the pronunciation dictionary has <paramref name="word"/> (the grammar builder's word filter).</summary>
    public bool Knows(string word) => _options.Installed && _words.Value.Contains(word);

    public ICommandSession Start(CommandGrammar grammar)
    {
        ArgumentNullException.ThrowIfNull(grammar);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _slots.Wait();
        return Open(grammar);
    }

    public async Task<CommandHypothesis> RecognizeAsync(AudioClip clip, CommandGrammar grammar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(grammar);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await Task.Run(
            () =>
            {
                using var session = Open(grammar);
                const int Chunk = 4096;
                for (int at = 0; at < clip.Samples.Length; at += Chunk)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    session.Process(clip.Samples.AsSpan(at, Math.Min(Chunk, clip.Samples.Length - at)));
                }

                cancellationToken.ThrowIfCancellationRequested();
                return session.Finish();
            },
            cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        while (_idle.TryTake(out var decoder))
        {
            decoder.Dispose();
        }

        _slots.Dispose();
    }

    /// <summary>A session on a pooled decoder; the caller holds one of <see cref="_slots"/>, which the session gives back.</summary>
    private CommandSession Open(CommandGrammar grammar)
    {
        Decoder? decoder = null;
        try
        {
            if (!_idle.TryTake(out decoder))
            {
                decoder = new Decoder(_options);
            }

            return new CommandSession(decoder, grammar, this);
        }
        catch
        {
            if (decoder is not null)
            {
                Return(decoder, broken: true);
            }
            else
            {
                _slots.Release();
            }

            throw;
        }
    }

    internal void Return(Decoder decoder, bool broken)
    {
        if (broken || _disposed)
        {
            decoder.Dispose();
        }
        else
        {
            _idle.Add(decoder);
        }

        if (!_disposed)
        {
            _slots.Release();
        }
    }

    internal void Log(CommandHypothesis result, DecodeResult phones, double gap, string? recheck) =>
        LogDecision(_logger, result.Text, result.Accepted, result.Confidence, gap, recheck ?? "-", phones.Text, result.RejectedBecause ?? "-");

    [LoggerMessage(2840, LogLevel.Debug, "Command \"{Text}\" accepted={Accepted} confidence={Confidence:0.00} gap={Gap:0.0}/frame recheck=\"{Recheck}\" phones=\"{Phones}\" ({Why})")]
    private static partial void LogDecision(ILogger logger, string text, bool accepted, double confidence, double gap, string recheck, string phones, string why);
}
