using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using LlmOs.Engine.Errors;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Espeak;

/// <summary>
/// espeak-ng's one engine per process: initialised once (synchronous output into our callback), and used by one caller
/// at a time through <see cref="Gate"/>, whichever synthesiser asks. The engine lives as long as the process:
/// espeak-ng is not reliably initialised again after espeak_ng_Terminate, and other synthesisers may still use it.
/// </summary>
internal static unsafe class EspeakRuntime
{
    private static readonly Lock InitialisationLock = new();
    private static EspeakVoiceCatalog? _catalog;
    private static string? _dataPath;
    private static int _sampleRate;

    /// <summary>Where the running synthesis puts its samples; set only while <see cref="Gate"/> is held.</summary>
    private static SpeechCollector? _current;

    /// <summary>Held for every call into espeak-ng after initialisation.</summary>
    public static SemaphoreSlim Gate { get; } = new(1, 1);

    public static int SampleRate => _sampleRate;

    /// <summary>Initialises the engine on first use; later callers get the same engine, whatever data path they ask for.</summary>
    public static EspeakVoiceCatalog Initialise(string? requestedPath, ILogger logger)
    {
        lock (InitialisationLock)
        {
            string path = requestedPath ?? "(library default)";
            if (_catalog is not null)
            {
                if (!string.Equals(path, _dataPath, StringComparison.Ordinal))
                {
                    EspeakLog.DataPathIgnored(logger, _dataPath!, path);
                }

                return _catalog;
            }

            EspeakNative.espeak_ng_InitializePath(requestedPath);
            nint context = 0;
            int status = EspeakNative.espeak_ng_Initialize(&context);
            if (status != EspeakNative.StatusOk)
            {
                EspeakNative.espeak_ng_ClearErrorContext(&context);
                throw Failure(logger, $"espeak-ng could not start from {path}: {EspeakNative.Message(status)}");
            }

            status = EspeakNative.espeak_ng_InitializeOutput(EspeakNative.SynchronousOutput, 0, null);
            if (status != EspeakNative.StatusOk)
            {
                throw Failure(logger, $"espeak-ng output could not start: {EspeakNative.Message(status)}");
            }

            EspeakNative.espeak_SetSynthCallback((nint)(delegate* unmanaged[Cdecl]<short*, int, nint, int>)&OnSamples);
            _sampleRate = EspeakNative.espeak_ng_GetSampleRate();
            _catalog = EspeakVoiceCatalog.Read();
            _dataPath = path;
            EspeakLog.Initialised(logger, path, _catalog.Names.Count, _catalog.VariantCount, _sampleRate);
            return _catalog;
        }
    }

    /// <summary>
    /// Speaks <paramref name="text"/> (plain text, never markup) with the voice and rate into <paramref name="collector"/>.
    /// The caller holds <see cref="Gate"/>. Blocks until espeak-ng is done or the collector stops it.
    /// </summary>
    public static void Synthesize(string text, string espeakVoice, int rate, SpeechCollector collector)
    {
        Check(EspeakNative.espeak_ng_SetVoiceByName(espeakVoice), "setting the voice");
        Check(EspeakNative.espeak_ng_SetParameter(EspeakNative.RateParameter, rate, 0), "setting the rate");

        // NUL-terminated: espeak-ng reads to the terminator in synchronous mode.
        int length = Encoding.UTF8.GetByteCount(text);
        byte[] utf8 = new byte[length + 1];
        Encoding.UTF8.GetBytes(text, utf8);
        _current = collector;
        try
        {
            fixed (byte* bytes = utf8)
            {
                int status = EspeakNative.espeak_ng_Synthesize(
                    bytes, (nuint)utf8.Length, 0, EspeakNative.PositionCharacter, 0, EspeakNative.PlainUtf8Text, null, 0);

                // A stop asked by the collector (cancelled, too long) is not a failure: the caller looks at the collector.
                if (status != EspeakNative.StatusOk && !collector.CancellationToken.IsCancellationRequested && !collector.TooLong)
                {
                    Check(status, "synthesising");
                }
            }
        }
        finally
        {
            _current = null;
        }
    }

    private static void Check(int status, string doing)
    {
        if (status != EspeakNative.StatusOk)
        {
            throw new EngineException(ErrorKind.Internal, $"espeak-ng failed {doing}: {EspeakNative.Message(status)}");
        }
    }

    private static EngineException Failure(ILogger logger, string message)
    {
        EspeakLog.Failed(logger, message);
        return new EngineException(ErrorKind.Internal, message);
    }

    /// <summary>espeak-ng's synth callback: 0 asks for more, 1 stops the synthesis. Never throws into native code.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnSamples(short* samples, int count, nint events)
    {
        try
        {
            SpeechCollector? collector = _current;
            if (collector is null)
            {
                return 1;
            }

            // The last call of a synthesis has no samples.
            return samples is null || count <= 0 || collector.Add(new ReadOnlySpan<short>(samples, count)) ? 0 : 1;
        }
        catch (Exception)
        {
            return 1;
        }
    }
}
