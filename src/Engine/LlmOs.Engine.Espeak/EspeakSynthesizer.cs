using LlmOs.Engine.Speech;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Espeak;

/// <summary>
/// Text to speech with Debian's espeak-ng, in process. espeak-ng has one engine per process, so every synthesiser
/// shares it and calls are serialised; cancelling a request stops its synthesis at the next block of samples.
/// </summary>
public sealed partial class EspeakSynthesizer : ISpeechSynthesizer, IDisposable
{
    /// <summary>The longest text spoken in one request, in UTF-16 characters (OpenAI's speech endpoint's limit).</summary>
    public const int MaxTextLength = 4096;

    /// <summary>The rates the output may have: espeak-ng's own, and the 16 kHz llmos recognises speech at.</summary>
    public static readonly IReadOnlyList<int> SampleRates = [16_000, 22_050];

    /// <summary>Speech longer than this is stopped and refused (a guard on memory; 4,096 characters at 80 wpm fit).</summary>
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(20);

    private readonly EspeakVoiceCatalog _catalog;
    private readonly ILogger<EspeakSynthesizer> _logger;
    private readonly string _defaultVoice;
    private bool _disposed;

    public EspeakSynthesizer(EspeakOptions options, ILogger<EspeakSynthesizer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _catalog = EspeakRuntime.Initialise(options.DataPath, logger);
        _defaultVoice = options.DefaultVoice;
        if (!_catalog.TryResolve(_defaultVoice, out _))
        {
            _defaultVoice = EspeakVoiceDefaults.ForLanguage("en", _catalog.Names, _catalog.Names.Count > 0 ? _catalog.Names[0] : "en");
            EspeakLog.DefaultVoiceMissing(logger, options.DefaultVoice, _defaultVoice);
        }
    }

    public IReadOnlyList<string> Voices => _catalog.Names;

    /// <summary>The voice used when a request names none.</summary>
    public string DefaultVoice => _defaultVoice;

    /// <summary>Whether espeak-ng has the voice, and its variant when one is named ("en-us+klatt3").</summary>
    public bool HasVoice(string voice) => _catalog.TryResolve(voice, out _);

    /// <summary>The installed voice that speaks a language pack's language ("en" → "en-us"), else <see cref="DefaultVoice"/>.</summary>
    public string VoiceForLanguage(string? language) => EspeakVoiceDefaults.ForLanguage(language, Voices, _defaultVoice);

    public async Task<SynthesizedSpeech> SynthesizeAsync(string text, SpeechOptions options, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SpeechRequest request = Validate(text, options);
        await EspeakRuntime.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        SpeechCollector collector;
        try
        {
            collector = new SpeechCollector((int)(MaxDuration.TotalSeconds * EspeakRuntime.SampleRate), cancellationToken);
            EspeakLog.Started(_logger, text.Length, request.Voice, request.Rate);

            // espeak-ng blocks while it speaks: off the caller's thread, with the gate held throughout.
            await Task.Run(() => EspeakRuntime.Synthesize(request.Text, request.EspeakVoice, request.Rate, collector), CancellationToken.None)
                .ConfigureAwait(false);
        }
        finally
        {
            EspeakRuntime.Gate.Release();
        }

        if (cancellationToken.IsCancellationRequested)
        {
            EspeakLog.Cancelled(_logger, text.Length, collector.Count / (double)EspeakRuntime.SampleRate);
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (collector.TooLong)
        {
            throw new Errors.EngineException(
                Errors.ErrorKind.TooLarge, $"the speech would last longer than {MaxDuration.TotalMinutes:F0} minutes", "input");
        }

        var speech = ToRate(collector.ToArray(), EspeakRuntime.SampleRate, options.SampleRate);
        EspeakLog.Synthesised(_logger, text.Length, request.Voice, request.Rate, speech.Duration.TotalSeconds, speech.SampleRate);
        return speech;
    }

    /// <summary>
    /// Stops this synthesiser taking requests. The shared espeak-ng engine stays loaded for the process (see
    /// <see cref="EspeakRuntime"/>).
    /// </summary>
    public void Dispose() => _disposed = true;

    private static SynthesizedSpeech ToRate(short[] samples, int fromRate, int toRate)
    {
        if (fromRate == toRate)
        {
            return new SynthesizedSpeech(samples, toRate);
        }

        var input = new float[samples.Length];
        for (int i = 0; i < samples.Length; i++)
        {
            input[i] = samples[i] / 32768f;
        }

        float[] output = Resampler.Resample(input, fromRate, toRate);
        var converted = new short[output.Length];
        for (int i = 0; i < output.Length; i++)
        {
            converted[i] = (short)Math.Clamp(MathF.Round(output[i] * 32768f), short.MinValue, short.MaxValue);
        }

        return new SynthesizedSpeech(converted, toRate);
    }
}
