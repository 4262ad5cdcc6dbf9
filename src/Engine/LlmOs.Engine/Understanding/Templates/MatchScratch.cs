namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// The matcher's working arrays, one cell per (token position, state), reused across the templates of one
/// utterance so the match loop itself does not allocate.
/// </summary>
internal sealed class MatchScratch
{
    public double[] Penalty = [];
    public int[] Words = [];
    public int[] TextTokens = [];
    public byte[] Skips = [];
    public int[] From = [];
    public int[] Edge = [];
    public int[] Reading = [];

    /// <summary>The matcher's work so far for this utterance (cells cleared and visited, transitions tried), bounded by <see cref="TemplateLimits"/>.</summary>
    public long Steps;

    public void Reset(int cells)
    {
        if (Penalty.Length < cells)
        {
            int size = Math.Max(cells, Penalty.Length * 2);
            Penalty = new double[size];
            Words = new int[size];
            TextTokens = new int[size];
            Skips = new byte[size];
            From = new int[size];
            Edge = new int[size];
            Reading = new int[size];
        }

        Array.Fill(Penalty, double.PositiveInfinity, 0, cells);
        Steps += cells;
    }
}
