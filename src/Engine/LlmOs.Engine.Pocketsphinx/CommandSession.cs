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
    private readonly List<short> _audio = new(AudioClip.SampleRate * 4);
    private bool _finished;
    private bool _broken = true; // until the utterance has started cleanly

    public CommandSession(Decoder decoder, CommandGrammar grammar, PocketsphinxRecognizer owner)
    {
        _decoder = decoder;
        _owner = owner;
        _grammarKey = grammar.Key;
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

    public CommandHypothesis Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _broken = true;
        string live = _decoder.End().Text;
        _finished = true;
        var audio = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_audio);

        // The decision rests on decodes of the whole utterance, normalised over itself, so that what the decoder heard
        // before hardly matters (the live decode's normalisation is carried over from earlier utterances, and the first
        // utterance of a decoder came out wrong more often). The live decode is the cross-check.
        var grammar = _decoder.Decode(_grammarKey, audio, wholeUtterance: true);
        if (grammar.Text.Length == 0)
        {
            _broken = false;
            return CommandHypothesis.Nothing("no command heard");
        }

        var phones = _decoder.Decode(Decoder.PhoneSearch, audio, wholeUtterance: true);
        _broken = false;
        var result = RejectionPolicy.Decide(grammar, phones, out double gap);
        if (result.Accepted)
        {
            result = RejectionPolicy.CrossCheck(result, live);
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
