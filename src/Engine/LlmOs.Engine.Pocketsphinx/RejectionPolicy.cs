using LlmOs.Engine.Speech;

namespace LlmOs.Engine.Pocketsphinx;

/// <summary>
/// Whether a grammar hypothesis is to be trusted. A closed grammar always finds its nearest sentence, so three
/// independent signals are combined:
/// (a) the acoustic gap: the grammar path's score per frame against the phone loop's (the phone loop can follow any
///     speech, so it is a near upper bound; speech the grammar cannot say costs the grammar path much more per frame);
/// (b) the recogniser's own posterior of the hypothesis (<c>ps_get_prob</c>, used when the search gives one);
/// (c) how many of the hypothesis' words the free decode with the generic language model also heard.
/// Thresholds: see the constants, calibrated on espeak-ng recordings (tests in Commands/).
/// </summary>
internal static class RejectionPolicy
{
    /// <summary>
    /// Below this gap (scaled log units per 10 ms frame, grammar path minus phone loop) the grammar path is too far
    /// from what the audio sounds like. Measured on espeak-ng recordings (Commands/ tests, machine heavily loaded, so
    /// the first 11 only): in-grammar commands came out at +7.2 to +19.7 (the phone loop pays its phone-LM weight, so
    /// a fitting grammar path beats it); out-of-grammar sentences forced onto a command at +1.3, +3.1 and +3.6 (one at
    /// +7.5, forced onto an arithmetic question, which triggers no action). 5 sits between the two groups.
    /// </summary>
    public const double MinGap = 5;

    /// <summary>Below this gap the free decode must also back the words up (<see cref="MinOverlap"/>): a margin over <see cref="MinGap"/>.</summary>
    public const double ConfirmBelow = 6.5;

    /// <summary>Below this word overlap with the free decode, the words were forced.</summary>
    public const double MinOverlap = 0.25;

    public static CommandHypothesis Decide(DecodeResult grammar, DecodeResult phones, DecodeResult free, out double gap, out double overlap)
    {
        int frames = Math.Max(1, grammar.Frames);
        gap = (grammar.Score - (double)phones.Score) / frames;
        overlap = Overlap(grammar.Text, free.Text);

        // Each signal mapped to [0, 1] around its threshold (0.5 at the threshold); confidence is their mean.
        double acoustic = Squash(gap - MinGap, 5);
        double words = Math.Clamp(overlap / (2 * MinOverlap), 0, 1);
        double confidence = Math.Clamp((acoustic + words) / 2, 0, 1);
        if (gap < MinGap)
        {
            return new CommandHypothesis(grammar.Text, false, confidence, $"acoustic score {gap:0} per frame below the phone loop (limit {MinGap})");
        }

        if (overlap < MinOverlap && gap < ConfirmBelow)
        {
            return new CommandHypothesis(grammar.Text, false, confidence, $"free decode \"{free.Text}\" shares {overlap:P0} of the words (needs {MinOverlap:P0})");
        }

        // (b) the recogniser's own posterior, where the search gives one below 1, tempers the confidence of an accepted hypothesis.
        return new CommandHypothesis(grammar.Text, true, grammar.Probability is > 0 and < 1 ? confidence * (0.5 + (grammar.Probability / 2)) : confidence);
    }

    /// <summary>The share of the hypothesis' words that the free decode also has (in any order).</summary>
    public static double Overlap(string hypothesis, string free)
    {
        var said = hypothesis.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (said.Length == 0)
        {
            return 0;
        }

        var heard = free.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Base).ToList();
        int found = 0;
        foreach (string word in said)
        {
            int at = heard.IndexOf(Base(word));
            if (at >= 0)
            {
                found++;
                heard.RemoveAt(at);
            }
        }

        return (double)found / said.Length;
    }

    /// <summary>The word without the "(2)" of an alternate pronunciation.</summary>
    private static string Base(string word) => word.Split('(')[0];

    private static double Squash(double x, double scale) => 1 / (1 + Math.Exp(-x / scale));
}
