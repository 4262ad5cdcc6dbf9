using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace LlmOs.Engine.Onnx;

internal sealed partial class MiniLmEmbeddingModel
{
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    /// <summary>One session run over the texts <paramref name="rows"/> points at, padded to <paramref name="length"/> tokens.</summary>
    private void Run(ReadOnlySpan<int> rows, IReadOnlyList<int>[] ids, int length, float[][] vectors, RunOptions runOptions, CancellationToken cancellationToken)
    {
        int count = rows.Length;
        long[] shape = [count, length];
        var inputIds = new long[count * length];
        var mask = new long[count * length];
        var types = new long[count * length]; // one segment: all zeros
        for (int row = 0; row < count; row++)
        {
            var tokens = ids[rows[row]];
            for (int t = 0; t < tokens.Count; t++)
            {
                inputIds[(row * length) + t] = tokens[t];
                mask[(row * length) + t] = 1;
            }
        }

        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], OutputNames);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            // RunOptions.Terminate makes the run fail; the caller asked for that.
            throw new OperationCanceledException(cancellationToken);
        }

        using (outputs)
        {
            var hidden = outputs[0].GetTensorDataAsSpan<float>(); // [count, length, 384]
            int dims = Dimensions;
            for (int row = 0; row < count; row++)
            {
                // Mean pooling over the real tokens (the mask's ones are the first ones), then L2 norm. The division
                // by the token count that makes it a mean cancels in the normalisation, so it is left out.
                var vector = new float[dims];
                int tokens = ids[rows[row]].Count;
                for (int t = 0; t < tokens; t++)
                {
                    TensorPrimitives.Add(vector, hidden.Slice(((row * length) + t) * dims, dims), vector);
                }

                float norm = TensorPrimitives.Norm<float>(vector);
                if (norm > 0)
                {
                    TensorPrimitives.Divide(vector, norm, vector);
                }

                vectors[rows[row]] = vector;
            }
        }
    }
}
