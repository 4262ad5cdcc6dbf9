using System.Runtime.InteropServices;

namespace LlmOs.Engine.Pocketsphinx;

/// <summary>
/// One pocketsphinx decoder with the searches it has loaded: the JSGF grammars by <see cref="Speech.CommandGrammar.Key"/>,
/// and the phone loop (<see cref="PhoneSearch"/>). Not
/// thread-safe: the recogniser lends it to one utterance at a time.
/// </summary>
internal sealed partial class Decoder : IDisposable
{
    public const string PhoneSearch = "phones";

    private const int MaxGrammars = 8;

    private readonly DecoderHandle _handle;
    private readonly LinkedList<string> _grammars = new(); // most recently used first
    private readonly nint _logMath;

    public Decoder(PocketsphinxOptions options)
    {
        nint config = Parse(
        [
            "-hmm", options.AcousticModel,
            "-dict", options.Dictionary,
            "-logfn", "/dev/null",
            "-allphone_ci", "yes", // context-independent phones: the loop is a yardstick, not a transcript, and triphones made it take seconds
        ]);
        if (config == 0)
        {
            throw new InvalidOperationException("pocketsphinx refused its configuration");
        }

        nint decoder = Native.Init(config);
        _ = Native.CmdLnFree(config); // the decoder holds its own reference
        if (decoder == 0)
        {
            throw new InvalidOperationException($"pocketsphinx could not load the model in {options.ModelDirectory}");
        }

        _handle = new DecoderHandle();
        Marshal.InitHandle(_handle, decoder);
        _logMath = Native.GetLogMath(_handle);
        Check(Native.SetAllphoneFile(_handle, PhoneSearch, options.PhoneModel), "load the phone model");
    }

    /// <summary>Makes the grammar the search of the next utterance, loading it once per decoder.</summary>
    public void UseGrammar(string key, string jsgf)
    {
        var node = _grammars.Find(key);
        if (node is null)
        {
            Check(Native.SetJsgfString(_handle, key, jsgf), "load the command grammar");
            _grammars.AddFirst(key);
            if (_grammars.Count > MaxGrammars)
            {
                _ = Native.UnsetSearch(_handle, _grammars.Last!.Value); // catalogs are rebuilt as apps come and go
                _grammars.RemoveLast();
            }
        }
        else if (node != _grammars.First)
        {
            _grammars.Remove(node);
            _grammars.AddFirst(node);
        }

        Check(Native.SetSearch(_handle, key), "select the command grammar");
    }

    public void UseSearch(string name) => Check(Native.SetSearch(_handle, name), "select search " + name);

    public void Start() => Check(Native.StartUtt(_handle), "start an utterance");

    /// <summary>
    /// Feeds audio to the open utterance. <paramref name="wholeUtterance"/> says the span is the entire utterance, which
    /// lets pocketsphinx normalise the cepstrum over it at once (the model's own <c>-cmn batch</c>) instead of from a
    /// running estimate carried over from earlier utterances.
    /// </summary>
    public void Process(ReadOnlySpan<short> samples, bool wholeUtterance = false)
    {
        if (!samples.IsEmpty)
        {
            Check(Native.ProcessRaw(_handle, samples, (nuint)samples.Length, 0, wholeUtterance ? 1 : 0), "decode audio");
        }
    }

    /// <summary>Ends the utterance: the best hypothesis (empty when none), its score, its posterior probability and the frames seen.</summary>
    public DecodeResult End()
    {
        Check(Native.EndUtt(_handle), "end the utterance");
        nint text = Native.GetHyp(_handle, out int score);
        string hypothesis = text == 0 ? string.Empty : Marshal.PtrToStringUTF8(text) ?? string.Empty;
        int prob = Native.GetProb(_handle);
        int frames = Native.GetFrameCount(_handle);
        var (words, noise) = text == 0 ? (0, 0) : CountFrames();
        return new DecodeResult(hypothesis.Trim(), score, Native.LogMathExp(_logMath, prob), frames, words, noise);
    }

    /// <summary>Frames of the best path in words (or, in the phone loop, phones) and in noise fillers; silences count in neither.</summary>
    private (int Words, int Noise) CountFrames()
    {
        int words = 0, noise = 0;
        for (nint segment = Native.SegIter(_handle, out _); segment != 0; segment = Native.SegNext(segment))
        {
            string word = Marshal.PtrToStringUTF8(Native.SegWord(segment)) ?? string.Empty;
            Native.SegFrames(segment, out int start, out int end);
            int length = end - start + 1;
            if (word.StartsWith('[') || word.StartsWith('+'))
            {
                noise += length;
            }
            else if (!word.StartsWith('<') && word != "SIL")
            {
                words += length;
            }
        }

        return (words, noise);
    }

    /// <summary>Decodes a whole buffer with one search.</summary>
    public DecodeResult Decode(string search, ReadOnlySpan<short> samples, bool wholeUtterance = false)
    {
        UseSearch(search);
        Start();
        Process(samples, wholeUtterance);
        return End();
    }

    public void Dispose() => _handle.Dispose();

    private static nint Parse(string[] arguments)
    {
        var argv = new nint[arguments.Length];
        try
        {
            for (int i = 0; i < arguments.Length; i++)
            {
                argv[i] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
            }

            return Native.CmdLnParse(0, Native.PsArgs(), argv.Length, argv, 1); // it copies the strings
        }
        finally
        {
            foreach (nint arg in argv)
            {
                Marshal.FreeCoTaskMem(arg);
            }
        }
    }

    private static void Check(int status, string what)
    {
        if (status < 0)
        {
            throw new InvalidOperationException($"pocketsphinx could not {what} ({status})");
        }
    }
}
