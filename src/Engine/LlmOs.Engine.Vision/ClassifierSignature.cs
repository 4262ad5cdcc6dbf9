using LlmOs.Engine.Errors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace LlmOs.Engine.Vision;

/// <summary>
/// What an ONNX image classifier takes and gives: one float image input [N,3,H,W] and one float output [N,C].
/// A dimension the model leaves open (a symbolic one) is 0 here: a batch of 0 takes any number of images per run,
/// a height or width of 0 takes the preprocessing's size.
/// </summary>
internal sealed record ClassifierSignature(string InputName, string OutputName, int BatchSize, int Height, int Width, int Classes)
{
    public static ClassifierSignature Read(InferenceSession session, string model)
    {
        if (session.InputMetadata.Count != 1 || session.OutputMetadata.Count != 1)
        {
            throw Invalid(model, $"it has {session.InputMetadata.Count} input(s) and {session.OutputMetadata.Count} output(s)");
        }

        var (inputName, input) = session.InputMetadata.First();
        var (outputName, output) = session.OutputMetadata.First();
        if (!IsFloatTensor(input) || input.Dimensions.Length != 4 || input.Dimensions[1] != 3)
        {
            throw Invalid(model, $"its input '{inputName}' is {Describe(input)}");
        }

        if (!IsFloatTensor(output) || output.Dimensions.Length != 2 || output.Dimensions[1] <= 0)
        {
            throw Invalid(model, $"its output '{outputName}' is {Describe(output)}");
        }

        int batch = Fixed(input.Dimensions[0]);
        int outputBatch = Fixed(output.Dimensions[0]);
        if (batch != outputBatch)
        {
            throw Invalid(model, $"its input batch ({Describe(input)}) and output batch ({Describe(output)}) differ");
        }

        return new ClassifierSignature(inputName, outputName, batch, Fixed(input.Dimensions[2]), Fixed(input.Dimensions[3]), output.Dimensions[1]);
    }

    private static bool IsFloatTensor(NodeMetadata node) =>
        node.OnnxValueType == OnnxValueType.ONNX_TYPE_TENSOR && node.ElementDataType == TensorElementType.Float;

    private static int Fixed(int dimension) => dimension > 0 ? dimension : 0;

    private static string Describe(NodeMetadata node) =>
        node.OnnxValueType == OnnxValueType.ONNX_TYPE_TENSOR
            ? $"{node.ElementDataType} [{string.Join(',', node.Dimensions.Select(d => d > 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?"))}]"
            : node.OnnxValueType.ToString();

    private static EngineException Invalid(string model, string reason) =>
        new(ErrorKind.ModelInvalid, $"'{model}' is not an image classifier with one float input [N,3,H,W] and one float output [N,classes]: {reason}");
}
