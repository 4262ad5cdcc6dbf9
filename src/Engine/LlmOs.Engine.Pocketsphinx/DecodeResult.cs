namespace LlmOs.Engine.Pocketsphinx;

/// <summary>
/// What one search made of an utterance: its words, its path score (log base 1.0001, acoustic plus language weight,
/// more negative is worse), the posterior of the hypothesis where the search gives one, the 10 ms frames decoded, and
/// how many of them the best path spent in words and in the noise fillers (<c>[NOISE]</c>, <c>[SPEECH]</c>).
/// </summary>
internal sealed record DecodeResult(string Text, int Score, double Probability, int Frames, int WordFrames = 0, int NoiseFrames = 0)
{
    public double ScorePerFrame => Frames == 0 ? 0 : (double)Score / Frames;
}
