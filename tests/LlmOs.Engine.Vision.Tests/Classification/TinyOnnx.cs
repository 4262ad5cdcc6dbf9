using System.Text;

namespace LlmOs.Engine.Vision.Tests.Classification;

/// <summary>
/// Small ONNX models written as protobuf bytes in the test, for the shapes and settings the real MobileNet cannot
/// show: a chain of parameter-free operators from one float input to one float output, declared shapes, and
/// metadata. A dimension of null is symbolic ("N").
/// </summary>
internal static class TinyOnnx
{
    /// <summary>[N,3,H,W] → Flatten → [N,3·H·W]: a "classifier" whose logits are the preprocessed input, plane by plane.</summary>
    public static byte[] Flatten(int? batch, int height, int width, IReadOnlyDictionary<string, string>? metadata = null) =>
        Model(["Flatten"], [batch, 3, height, width], [batch, 3 * height * width], metadata);

    /// <summary>[N,3,?,?] → GlobalAveragePool → Flatten → [N,3]: the mean of each input plane, whatever the input size.</summary>
    public static byte[] PlaneMeans(IReadOnlyDictionary<string, string>? metadata = null) =>
        Model(["GlobalAveragePool", "Flatten"], [null, 3, null, null], [null, 3], metadata);

    /// <summary>Input straight to output: an image in, an image out (not a classifier).</summary>
    public static byte[] Identity(int?[] shape) => Model(["Identity"], shape, shape, null);

    public static byte[] Model(string[] operators, int?[] inputShape, int?[] outputShape, IReadOnlyDictionary<string, string>? metadata)
    {
        var graph = new List<byte>();
        for (int i = 0; i < operators.Length; i++)
        {
            string input = i == 0 ? "input" : $"t{i}";
            string output = i == operators.Length - 1 ? "output" : $"t{i + 1}";
            graph.AddRange(Field(1, [.. Text(1, input), .. Text(2, output), .. Text(3, $"n{i}"), .. Text(4, operators[i])]));
        }

        graph.AddRange(Text(2, "tiny"));
        graph.AddRange(Field(11, ValueInfo("input", inputShape)));
        graph.AddRange(Field(12, ValueInfo("output", outputShape)));

        var model = new List<byte>();
        model.AddRange(Number(1, 8));                                         // ir_version
        model.AddRange(Text(2, "llmos-tests"));                               // producer_name
        model.AddRange(Field(7, [.. graph]));                                 // graph
        model.AddRange(Field(8, [.. Text(1, ""), .. Number(2, 13)]));          // opset_import: ai.onnx 13
        model.AddRange(MetadataProps(metadata));
        return [.. model];
    }

    /// <summary>
    /// ModelProto.metadata_props entries (field 14). Protobuf merges fields that come later, so appending these to a
    /// model file adds metadata to it.
    /// </summary>
    public static byte[] MetadataProps(IReadOnlyDictionary<string, string>? metadata)
    {
        var bytes = new List<byte>();
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            bytes.AddRange(Field(14, [.. Text(1, key), .. Text(2, value)]));
        }

        return [.. bytes];
    }

    private static byte[] ValueInfo(string name, int?[] shape)
    {
        var dims = new List<byte>();
        foreach (int? d in shape)
        {
            dims.AddRange(Field(1, d is int value ? Number(1, value) : Text(2, "N")));
        }

        byte[] tensor = [.. Number(1, 1), .. Field(2, [.. dims])];           // elem_type FLOAT, shape
        return [.. Text(1, name), .. Field(2, Field(1, tensor))];             // name, type { tensor_type }
    }

    private static byte[] Number(int field, long value) => [.. Varint((ulong)(field << 3)), .. Varint((ulong)value)];

    private static byte[] Text(int field, string value) => Field(field, Encoding.UTF8.GetBytes(value));

    private static byte[] Field(int field, byte[] value) => [.. Varint((ulong)((field << 3) | 2)), .. Varint((ulong)value.Length), .. value];

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value != 0 ? (byte)(b | 0x80) : b);
        }
        while (value != 0);
        return [.. bytes];
    }
}
