using LlmOs.Engine.Speech;

namespace LlmOs.Engine.Pocketsphinx;

/// <summary>
/// Whether a grammar hypothesis is to be trusted. A closed grammar always finds its nearest sentence, so these checks must
/// all pass:
/// <list type="number">
/// <item>The recogniser's own scores: the acoustic gap, the grammar path's score per frame against a free phone loop's.
/// The loop can follow any speech, so speech the grammar cannot say costs the grammar path much more per frame.</item>
/// <item>Coverage: the frames the hypothesis's words take against the frames the phone loop heard as speech. pocketsphinx
/// puts silence and noise fillers between a grammar's words (its garbage path), and long speech the grammar cannot say
/// goes into them: jfk.wav's 7 s of speech came out as a 6-word command spread over 2.5 s.</item>
/// <item>Two cross-checks: the grammar decoded again over the utterance with its start moved by half a frame (so the
/// sound is cut into frames at other instants), and the live decode made as the audio arrived (its cepstral mean carried
/// over from earlier utterances). A command that was said comes out the same each time; speech forced onto the grammar
/// lands on whatever sentence is nearest, and a small change moves it to another one (measured 2026-12-07 on the
/// Commands/ tests: the half-frame shift changed the content words of 2 of 96 commands and of 15 of 20 forced sentences;
/// the live decode 1 of 96 and 10 of 19). They can only take an acceptance away, never give one.</item>
/// </list>
/// Tried and dropped: a free decode with the generic language model (switching a decoder to it rebuilt the lexicon tree of
/// the 130k-word dictionary, seconds per utterance), a phone-level comparison of the hypothesis with the phone loop (the
/// loop's phones are too noisy: right commands and forced sentences overlapped), and a loop of 227 frequent words beside
/// the commands in the grammar (it took 14 of 54 right commands, and pocketsphinx's JSGF reader ignored the weights that
/// were to hold it back). pocketsphinx's <c>-topn 2</c> decoded 15 % faster but narrowed the gap between right commands
/// (down to −4.6) and forced ones (a "silence this for me please" up to −5.6), so the default 4 stays.
/// </summary>
internal static class RejectionPolicy
{
    /// <summary>
    /// Below this gap (scaled log units per 10 ms frame, grammar path minus the context-independent phone loop, both over
    /// the whole utterance) the grammar path is too far from what the audio sounds like. From the Commands/ tests
    /// (2026-12-07, espeak-ng Klatt voices, 96 commands and 22 other sentences): every command recognised at −2.9 or
    /// above; the sentences forced onto the grammar at −4.1 ("what date is today today", harmless) and −6.0 or below.
    /// </summary>
    public const double MinGap = -5;

    /// <summary>
    /// The least share of the speech frames (phone loop, silence left out) the hypothesis's words must take. From the
    /// Commands/ tests (2026-12-07): commands at 0.93 or more; jfk.wav at 0.35; forced espeak-ng sentences 0.65 and up,
    /// which the other checks catch.
    /// </summary>
    public const double MinCoverage = 0.75;

    /// <summary>Words the cross-check lets differ: they carry no slot and change no intent ("cancel the/that timer").</summary>
    private static readonly HashSet<string> Fillers =
        new(StringComparer.Ordinal) { "a", "an", "the", "that", "this", "my", "please", "now", "for", "me", "thanks", "thank", "you" };

    public static CommandHypothesis Decide(DecodeResult grammar, DecodeResult phones, out double gap)
    {
        int frames = Math.Max(1, grammar.Frames);
        gap = (grammar.Score - (double)phones.Score) / frames;

        // The gap mapped to [0, 1] around the threshold (0.5 at it).
        double confidence = Math.Clamp(Squash(gap - MinGap, 2), 0, 1);
        if (gap < MinGap)
        {
            return new CommandHypothesis(grammar.Text, false, confidence, $"acoustic score {gap:0.0} per frame above the phone loop's (needs {MinGap})");
        }

        double coverage = phones.WordFrames == 0 ? 1 : (double)grammar.WordFrames / phones.WordFrames;
        if (coverage < MinCoverage)
        {
            return new CommandHypothesis(grammar.Text, false, confidence * coverage, $"the command's words take {coverage:P0} of the speech (needs {MinCoverage:P0})");
        }

        // The recogniser's own posterior, where the search gives one below 1, tempers the confidence of an accepted hypothesis.
        return new CommandHypothesis(grammar.Text, true, grammar.Probability is > 0 and < 1 ? confidence * (0.5 + (grammar.Probability / 2)) : confidence);
    }

    /// <summary>Keeps <paramref name="hypothesis"/> only if the whole-utterance decode heard the same content words.</summary>
    public static CommandHypothesis CrossCheck(CommandHypothesis hypothesis, string recheck) =>
        ContentWords(hypothesis.Text).SequenceEqual(ContentWords(recheck))
            ? hypothesis
            : hypothesis with { Accepted = false, Confidence = hypothesis.Confidence / 4, RejectedBecause = $"a second decode heard \"{recheck}\"" };

    private static IEnumerable<string> ContentWords(string text) =>
        Expand(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => !Fillers.Contains(word));

    /// <summary>"what're" and "what are" are one sentence to the intent engine, so they are to the cross-check.</summary>
    private static string Expand(string text) => text
        .Replace("'re", " are", StringComparison.Ordinal)
        .Replace("'s", " is", StringComparison.Ordinal)
        .Replace("'m", " am", StringComparison.Ordinal)
        .Replace("'d", " would", StringComparison.Ordinal)
        .Replace("'ll", " will", StringComparison.Ordinal);

    private static double Squash(double x, double scale) => 1 / (1 + Math.Exp(-x / scale));
}
