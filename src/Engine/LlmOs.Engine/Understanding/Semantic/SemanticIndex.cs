using System.Numerics.Tensors;

namespace LlmOs.Engine.Understanding.Semantic;

/// <summary>
/// One catalog's examples: the built-in matrix of its language (shared with every other catalog of that language,
/// its intent numbers mapped to this catalog's) followed by the catalog's own app matrix. Rows are numbered across
/// both. Scoring an utterance is one dot product per example; nothing is allocated but what the caller passes in.
/// </summary>
internal sealed class SemanticIndex
{
    private readonly ExampleMatrix _shared;
    private readonly int[] _sharedIntents;
    private readonly ExampleMatrix _own;

    /// <param name="intents">The catalog's intent names, each once.</param>
    /// <param name="shared">Rows whose intent numbers are mapped through <paramref name="sharedIntents"/>.</param>
    /// <param name="sharedIntents">The index into <paramref name="intents"/> of each intent number of <paramref name="shared"/>.</param>
    /// <param name="own">Rows whose intent numbers index <paramref name="intents"/> directly.</param>
    public SemanticIndex(IReadOnlyList<string> intents, ExampleMatrix shared, int[] sharedIntents, ExampleMatrix own)
    {
        if (shared.Count > 0 && own.Count > 0 && shared.Dimensions != own.Dimensions)
        {
            throw new ArgumentException($"the matrices have {shared.Dimensions} and {own.Dimensions} dimensions", nameof(own));
        }

        Intents = intents;
        _shared = shared;
        _sharedIntents = sharedIntents;
        _own = own;
        Dimensions = shared.Count > 0 ? shared.Dimensions : own.Dimensions;
    }

    /// <summary>An index of one matrix whose intent numbers index <paramref name="intents"/>.</summary>
    public SemanticIndex(IReadOnlyList<string> intents, ExampleMatrix matrix)
        : this(intents, ExampleMatrix.Empty, [], matrix)
    {
    }

    /// <summary>The catalog's intent names, each once, in catalog order.</summary>
    public IReadOnlyList<string> Intents { get; }

    /// <summary>How many example rows there are.</summary>
    public int Count => _shared.Count + _own.Count;

    public int Dimensions { get; }

    /// <summary>
    /// Each intent's score for <paramref name="query"/> (a unit vector of <see cref="Dimensions"/>) into <paramref name="scores"/>,
    /// and its nearest example's row into <paramref name="nearest"/> (-1 and <see cref="float.NegativeInfinity"/> for an intent
    /// without examples). A row equal to <paramref name="skipRow"/> is left out (leave-one-out calibration).
    /// </summary>
    public void Score(ReadOnlySpan<float> query, SimilarityAggregation aggregation, Span<float> scores, Span<int> nearest, int skipRow = -1)
    {
        if (Count > 0 && query.Length != Dimensions)
        {
            throw new ArgumentException($"the query has {query.Length} dimensions, the index {Dimensions}", nameof(query));
        }

        Span<float> second = scores.Length <= 256 ? stackalloc float[scores.Length] : new float[scores.Length];
        scores.Fill(float.NegativeInfinity);
        second.Fill(float.NegativeInfinity);
        nearest.Fill(-1);
        for (int row = 0; row < Count; row++)
        {
            if (row == skipRow)
            {
                continue;
            }

            float similarity = TensorPrimitives.Dot(Row(row), query);
            int intent = IntentOf(row);
            if (similarity > scores[intent])
            {
                second[intent] = scores[intent];
                scores[intent] = similarity;
                nearest[intent] = row;
            }
            else if (similarity > second[intent])
            {
                second[intent] = similarity;
            }
        }

        if (aggregation == SimilarityAggregation.MeanOfTopTwo)
        {
            for (int i = 0; i < scores.Length; i++)
            {
                if (!float.IsNegativeInfinity(second[i]))
                {
                    scores[i] = (scores[i] + second[i]) / 2;
                }
            }
        }
    }

    /// <summary>The vector of example row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> Row(int row) => row < _shared.Count ? _shared.Row(row) : _own.Row(row - _shared.Count);

    /// <summary>The intent (index into <see cref="Intents"/>) example row <paramref name="row"/> belongs to.</summary>
    public int IntentOf(int row) => row < _shared.Count ? _sharedIntents[_shared.IntentOfRow[row]] : _own.IntentOfRow[row - _shared.Count];

    /// <summary>The sentence of example row <paramref name="row"/>.</summary>
    public string Example(int row) => row < _shared.Count ? _shared.Examples[row] : _own.Examples[row - _shared.Count];
}
