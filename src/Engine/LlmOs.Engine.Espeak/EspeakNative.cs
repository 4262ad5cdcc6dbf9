using System.Runtime.InteropServices;

namespace LlmOs.Engine.Espeak;

/// <summary>
/// Every entry point of espeak-ng's C API (speak_lib.h, espeak_ng.h) that llmos calls, bound to Debian's
/// <c>libespeak-ng.so.1</c> (package libespeak-ng1; the unversioned name exists only with the -dev package).
/// The library keeps one engine per process: callers serialise through <see cref="EspeakRuntime"/>.
/// </summary>
internal static unsafe partial class EspeakNative
{
    public const string Library = "libespeak-ng.so.1";

    /// <summary>espeak_ng_STATUS ENS_OK.</summary>
    public const int StatusOk = 0;

    /// <summary>espeak_ng_OUTPUT_MODE ENOUTPUT_MODE_SYNCHRONOUS: Synthesize blocks and hands samples to the synth callback.</summary>
    public const int SynchronousOutput = 0x0001;

    /// <summary>espeak_POSITION_TYPE POS_CHARACTER.</summary>
    public const int PositionCharacter = 1;

    /// <summary>
    /// espeakCHARS_UTF8, and deliberately neither espeakSSML (0x10) nor espeakPHONEMES (0x100): user text is spoken as
    /// plain text, never read as markup or phoneme codes.
    /// </summary>
    public const uint PlainUtf8Text = 1;

    /// <summary>espeak_PARAMETER espeakRATE: words per minute, 80 to 450.</summary>
    public const int RateParameter = 1;

    /// <summary>espeak_PARAMETER espeakVOLUME: 0 to 200, 100 normal.</summary>
    public const int VolumeParameter = 2;

    /// <summary>espeak_PARAMETER espeakPITCH: 0 to 100, 50 normal.</summary>
    public const int PitchParameter = 3;

    /// <summary>espeak_PARAMETER espeakRANGE: pitch range 0 to 100, 50 normal.</summary>
    public const int RangeParameter = 4;

    /// <summary>espeak_PARAMETER espeakPUNCTUATION: which punctuation is spoken; 0 none.</summary>
    public const int PunctuationParameter = 5;

    /// <summary>espeak_PARAMETER espeakWORDGAP: extra pause between words in 10 ms units.</summary>
    public const int WordGapParameter = 7;

    /// <summary>The rate espeak-ng speaks at when none is set.</summary>
    public const int DefaultRate = 175;

    /// <summary>
    /// espeak_VOICE: name, languages (pairs of a priority byte and a NUL-terminated language, ended by a 0 byte),
    /// identifier (the file under espeak-ng-data/voices, "gmw/en-US"), gender, age, variant, xx1, score, spare.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Voice
    {
        public byte* Name;
        public byte* Languages;
        public byte* Identifier;
        public byte Gender;
        public byte Age;
        public byte Variant;
        public byte Reserved;
        public int Score;
        public nint Spare;
    }

    /// <summary>The folder of espeak-ng-data; null: the library's own (ESPEAK_DATA_PATH, then Debian's).</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void espeak_ng_InitializePath(string? path);

    /// <summary><paramref name="context"/>: an espeak_ng_ERROR_CONTEXT, filled on failure, freed with ClearErrorContext.</summary>
    [LibraryImport(Library)]
    public static partial int espeak_ng_Initialize(nint* context);

    [LibraryImport(Library)]
    public static partial void espeak_ng_ClearErrorContext(nint* context);

    [LibraryImport(Library)]
    public static partial int espeak_ng_InitializeOutput(int outputMode, int bufferLength, byte* device);

    [LibraryImport(Library)]
    public static partial int espeak_ng_GetSampleRate();

    [LibraryImport(Library)]
    public static partial void espeak_ng_GetStatusCodeMessage(int status, byte* buffer, nuint length);

    /// <summary><paramref name="callback"/>: <c>int (*)(short* wav, int numsamples, espeak_EVENT* events)</c>; returning 1 aborts.</summary>
    [LibraryImport(Library)]
    public static partial void espeak_SetSynthCallback(nint callback);

    /// <summary>A NULL-terminated array of voices; null spec: every voice except the variants.</summary>
    [LibraryImport(Library)]
    public static partial Voice** espeak_ListVoices(Voice* spec);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int espeak_ng_SetVoiceByName(string name);

    [LibraryImport(Library)]
    public static partial int espeak_ng_SetParameter(int parameter, int value, int relative);

    [LibraryImport(Library)]
    public static partial int espeak_ng_Synthesize(
        byte* text, nuint size, uint position, int positionType, uint endPosition, uint flags, uint* uniqueIdentifier, nint userData);

    /// <summary>The status code's message, for errors and the log.</summary>
    public static string Message(int status)
    {
        byte* buffer = stackalloc byte[512];
        espeak_ng_GetStatusCodeMessage(status, buffer, 512);
        return Marshal.PtrToStringUTF8((nint)buffer) ?? $"status 0x{status:x}";
    }
}
