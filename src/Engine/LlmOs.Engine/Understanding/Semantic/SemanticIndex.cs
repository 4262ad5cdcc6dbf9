using System.Numerics.Tensors;

namespace LlmOs.Engine.Understanding.Semantic;

/// <summary>
/// One catalog's examples as a row-major matrix of unit vectors, with the intent each row belongs to.
/// Scoring an utterance is one dot product per example; nothing is allocated but what the caller passes in.
/// </summary>
internal sealed class SemanticIndex
{
    private readonly float[] _matrix;
    private readonly int[] _exampleIntent;

    public SemanticIndex(IReadOnlyList<string> intents, IReadOnlyList<string> examples, int[] exampleIntent, float[] matrix, int dimensions)
    {
        Intents = intents;
        Examples = examples;
        _exampleIntent = exampleIntent;
        _matrix = matrix;
        Dimensions = dimensions;
    }

    /// <summary>The catalog's intent names, each once, in catalog order.</summary>
    public IReadOnlyList<string> Intents { get; }

    /// <summary>The example sentences, one per matrix row.</summary>
    public IReadOnlyList<string> Examples { get; }

    public int Dimensions { get; }

    /// <summary>
    /// Each intent's score for <paramref name="query"/> (a unit vector) into <paramref name="scores"/>, and its nearest
    /// example's row into <paramref name="nearest"/> (-1 and <see cref="float.NegativeInfinity"/> for an intent without examples).
    /// A row equal to <paramref name="skipRow"/> is left out (leave-one-out calibration).
    /// </summary>
    public void Score(ReadOnlySpan<float> query, SimilarityAggregation aggregation, Span<float> scores, Span<int> nearest, int skipRow = -1)
    {
        Span<float> second = scores.Length <= 256 ? stackalloc float[scores.Length] : new float[scores.Length];
        scores.Fill(float.NegativeInfinity);
        second.Fill(float.NegativeInfinity);
        nearest.Fill(-1);
        for (int row = 0; row < _exampleIntent.Length; row++)
        {
            if (row == skipRow)
            {
                continue;
            }

            float similarity = TensorPrimitives.Dot(_matrix.AsSpan(row * Dimensions, Dimensions), query);
            int intent = _exampleIntent[row];
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
    public ReadOnlySpan<float> Row(int row) => _matrix.AsSpan(row * Dimensions, Dimensions);

    /// <summary>The intent (index into <see cref="Intents"/>) example row <paramref name="row"/> belongs to.</summary>
    public int IntentOf(int row) => _exampleIntent[row];
}
