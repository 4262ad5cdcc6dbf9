using LlmOs.Engine.Speech;

namespace LlmOs.Engine.Pocketsphinx;

/// <summary>
/// One utterance: decoded against the grammar as the samples arrive, and kept (16-bit, a few seconds) so that at the
/// end the same decoder can decode it again as a whole (the grammar, then the phone loop) for <see cref="RejectionPolicy"/>.
/// </summary>
internal sealed class CommandSession : ICommandSession
{
    private readonly Decoder _decoder;
    private readonly PocketsphinxRecognizer _owner;
    private readonly string _grammarKey;
    private readonly bool _freshDecoder;
    private readonly List<short> _audio = new(AudioClip.SampleRate * 4);
    private bool _finished;
    private bool _broken = true; // until the utterance has started cleanly

    public CommandSession(Decoder decoder, CommandGrammar grammar, PocketsphinxRecognizer owner)
    {
        _decoder = decoder;
        _owner = owner;
        _grammarKey = grammar.Key;
        _freshDecoder = decoder.Utterances == 0;
        decoder.UseGrammar(grammar.Key, grammar.Jsgf);
        decoder.Start();
        _broken = false;
    }

    public void Process(ReadOnlySpan<float> samples)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        Span<short> pcm = samples.Length <= 8192 ? stackalloc short[samples.Length] : new short[samples.Length];
        for (int i = 0; i < samples.Length; i++)
        {
            pcm[i] = (short)Math.Clamp(samples[i] * 32767f, short.MinValue, short.MaxValue);
        }

        _audio.AddRange(pcm);
        _broken = true;
        _decoder.Process(pcm);
        _broken = false;
    }

    /// <summary>Half a 10 ms frame: the shifted decode sees the same sound cut into frames at other instants.</summary>
    private const int ShiftSamples = 80;

    private ReadOnlySpan<short> Audio => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_audio);

    public CommandHypothesis Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _broken = true;
        string live = _decoder.End().Text;
        _finished = true;

        // The decision rests on decodes of the whole utterance, normalised over itself, so that what the decoder heard
        // before hardly matters (the live decode's normalisation is carried over from earlier utterances, and the first
        // utterance of a decoder came out wrong more often). The live decode is the cross-check. The grammar and the
        // phone loop decode side by side, the loop on a helper decoder: the user is waiting for the answer.
        DecodeResult grammar = null!, phones = null!;
        string shifted = string.Empty;
        _owner.WithHelper(helper => Parallel.Invoke(
            () =>
            {
                grammar = _decoder.Decode(_grammarKey, Audio, wholeUtterance: true);
                shifted = _decoder.Decode(_grammarKey, Audio[ShiftSamples..], wholeUtterance: true).Text;
            },
            () => phones = helper.Decode(Decoder.PhoneSearch, Audio, wholeUtterance: true)));
        if (grammar.Text.Length == 0)
        {
            _broken = false;
            return CommandHypothesis.Nothing("no command heard");
        }

        _broken = false;
        var result = RejectionPolicy.Decide(grammar, phones, out double gap);
        if (result.Accepted)
        {
            var checkedResult = RejectionPolicy.CrossCheck(RejectionPolicy.CrossCheck(result, shifted), live);
            if (!checkedResult.Accepted && _freshDecoder)
            {
                // A new decoder's live normalisation starts from the model's defaults, far from this microphone; it has
                // learned from this utterance now, so the live decode gets a second go (a user's first command after a
                // start was otherwise often refused).
                live = _decoder.Decode(_grammarKey, Audio).Text;
                checkedResult = RejectionPolicy.CrossCheck(RejectionPolicy.CrossCheck(result, shifted), live);
            }

            result = checkedResult;
        }

        _owner.Log(result, phones, gap, live);
        return result;
    }

    public void Dispose()
    {
        if (!_finished && !_broken)
        {
            try
            {
                _ = _decoder.End(); // an utterance left open would refuse the next start
            }
            catch (InvalidOperationException)
            {
                _broken = true;
            }
        }

        _finished = true;
        var decoder = _decoder;
        if (Interlocked.Exchange(ref _returned, 1) == 0)
        {
            _owner.Return(decoder, _broken);
        }
    }

    private int _returned;
}
