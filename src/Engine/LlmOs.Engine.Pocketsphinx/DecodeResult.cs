namespace LlmOs.Engine.Pocketsphinx;

/// <summary>
/// What one search made of an utterance: its words, its path score (log base 1.0001, acoustic plus language weight,
/// more negative is worse), the posterior of the hypothesis where the search gives one, and the 10 ms frames decoded.
/// </summary>
internal sealed record DecodeResult(string Text, int Score, double Probability, int Frames)
{
    public double ScorePerFrame => Frames == 0 ? 0 : (double)Score / Frames;
}
