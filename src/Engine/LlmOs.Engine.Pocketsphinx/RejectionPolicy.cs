using LlmOs.Engine.Speech;

namespace LlmOs.Engine.Pocketsphinx;

/// <summary>
/// Whether a grammar hypothesis is to be trusted. A closed grammar always finds its nearest sentence, so two signals are
/// combined: (a) the acoustic gap, the grammar path's score per frame against the phone loop's (the phone loop can follow
/// any speech, so speech the grammar cannot say costs the grammar path much more per frame), and (b) the recogniser's own
/// posterior of the hypothesis (<c>ps_get_prob</c>, where the search gives one). A cross-check against a free decode with
/// the generic language model was tried and dropped: switching a decoder to that search rebuilds its lexicon tree of
/// the whole dictionary, seconds per utterance, far past the latency goal.
/// </summary>
internal static class RejectionPolicy
{
    /// <summary>
    /// Below this gap (scaled log units per 10 ms frame, grammar path minus the context-independent phone loop) the
    /// grammar path is too far from what the audio sounds like. PROVISIONAL, from one run of the Commands/ tests
    /// (2026-12-07): in-grammar commands recognised right at -8.3 to +7.2; sentences outside the grammar forced onto an
    /// action at -20.4 to -2.8. -9 keeps every right command and rejects two thirds of the forced ones: the gap alone
    /// does not separate them, a cross-check is still needed (see the tests' report).
    /// </summary>
    public const double MinGap = -9;



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

        // (b) the recogniser's own posterior, where the search gives one below 1, tempers the confidence of an accepted hypothesis.
        return new CommandHypothesis(grammar.Text, true, grammar.Probability is > 0 and < 1 ? confidence * (0.5 + (grammar.Probability / 2)) : confidence);
    }

    private static double Squash(double x, double scale) => 1 / (1 + Math.Exp(-x / scale));
}
