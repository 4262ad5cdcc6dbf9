namespace LlmOs.Engine.Understanding.Semantic;

/// <summary>
/// Example sentences as a row-major matrix of unit vectors, with a number per row for the intent it belongs to
/// (numbered by whoever made the matrix). The built-in examples of a language make one, shared by every catalog
/// of that language; each catalog's app examples make another.
/// </summary>
internal sealed class ExampleMatrix
{
    private ExampleMatrix(IReadOnlyList<string> examples, int[] intentOfRow, float[] values, int dimensions)
    {
        Examples = examples;
        IntentOfRow = intentOfRow;
        Values = values;
        Dimensions = dimensions;
    }

    public static ExampleMatrix Empty { get; } = new([], [], [], 0);

    public IReadOnlyList<string> Examples { get; }

    public int[] IntentOfRow { get; }

    public float[] Values { get; }

    public int Dimensions { get; }

    public int Count => IntentOfRow.Length;

    /// <summary>The matrix of <paramref name="vectors"/> (one per example, all of one length).</summary>
    public static ExampleMatrix Of(IReadOnlyList<string> examples, IReadOnlyList<int> intentOfRow, IReadOnlyList<float[]> vectors)
    {
        if (vectors.Count == 0)
        {
            return Empty;
        }

        int dimensions = vectors[0].Length;
        float[] values = new float[vectors.Count * dimensions];
        for (int row = 0; row < vectors.Count; row++)
        {
            if (vectors[row].Length != dimensions)
            {
                throw new ArgumentException($"example {row} has {vectors[row].Length} dimensions, not {dimensions}", nameof(vectors));
            }

            vectors[row].CopyTo(values.AsSpan(row * dimensions, dimensions));
        }

        return new ExampleMatrix(examples, [.. intentOfRow], values, dimensions);
    }

    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Dimensions, Dimensions);
}
