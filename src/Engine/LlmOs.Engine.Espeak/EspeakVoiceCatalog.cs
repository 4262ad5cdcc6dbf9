using System.Runtime.InteropServices;

namespace LlmOs.Engine.Espeak;

/// <summary>
/// The installed voices, named by their language ("en-us", "en-gb", "es") as espeak-ng's own <c>--voices</c> lists
/// them, and the variants ("f3", "klatt") that may follow a voice after '+'. Requests are resolved here to the voice
/// file's identifier, so espeak-ng is only ever handed a voice that exists.
/// </summary>
internal sealed unsafe class EspeakVoiceCatalog
{
    private readonly Dictionary<string, string> _identifiers;
    private readonly Dictionary<string, string> _variants;

    private EspeakVoiceCatalog(Dictionary<string, string> identifiers, Dictionary<string, string> variants)
    {
        _identifiers = identifiers;
        _variants = variants;
        Names = [.. identifiers.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Names { get; }

    public int VariantCount => _variants.Count;

    /// <summary>
    /// The name to hand espeak-ng for <paramref name="requested"/> ("en-us", "EN-US", "en-us+f3"): the voice file's
    /// identifier, plus the variant's file name; false when the voice or the variant is not installed.
    /// </summary>
    public bool TryResolve(string requested, out string espeakName)
    {
        espeakName = "";
        string[] parts = requested.Trim().Split('+');
        if (parts.Length > 2 || !_identifiers.TryGetValue(parts[0], out string? identifier))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            espeakName = identifier;
            return true;
        }

        if (!_variants.TryGetValue(parts[1], out string? variant))
        {
            return false;
        }

        espeakName = identifier + "+" + variant;
        return true;
    }

    /// <summary>Reads the voices from the initialised engine (call under <see cref="EspeakRuntime"/>'s lock).</summary>
    public static EspeakVoiceCatalog Read()
    {
        var voices = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (EspeakNative.Voice* voice in List(null))
        {
            string? language = FirstLanguage(voice->Languages);
            string? identifier = Marshal.PtrToStringUTF8((nint)voice->Identifier);
            if (!string.IsNullOrEmpty(language) && !string.IsNullOrEmpty(identifier))
            {
                voices.TryAdd(language.ToLowerInvariant(), identifier);
            }
        }

        var variants = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        byte* variantLanguage = stackalloc byte[] { (byte)'v', (byte)'a', (byte)'r', (byte)'i', (byte)'a', (byte)'n', (byte)'t', 0 };
        var spec = new EspeakNative.Voice { Languages = variantLanguage };
        foreach (EspeakNative.Voice* voice in List(&spec))
        {
            // Variants live under "!v/": the part after it is what follows '+' in a voice name.
            string? identifier = Marshal.PtrToStringUTF8((nint)voice->Identifier);
            if (identifier is not null && identifier.StartsWith("!v/", StringComparison.Ordinal))
            {
                variants.TryAdd(identifier[3..], identifier[3..]);
            }
        }

        return new EspeakVoiceCatalog(voices, variants);
    }

    private static EspeakNative.Voice*[] List(EspeakNative.Voice* spec)
    {
        EspeakNative.Voice** list = EspeakNative.espeak_ListVoices(spec);
        int count = 0;
        while (list is not null && list[count] is not null)
        {
            count++;
        }

        var voices = new EspeakNative.Voice*[count];
        for (int i = 0; i < count; i++)
        {
            voices[i] = list[i];
        }

        return voices;
    }

    /// <summary>The first language of a voice: its list is a priority byte, then a NUL-terminated name, repeated.</summary>
    private static string? FirstLanguage(byte* languages) =>
        languages is null || languages[0] == 0 ? null : Marshal.PtrToStringUTF8((nint)(languages + 1));
}
