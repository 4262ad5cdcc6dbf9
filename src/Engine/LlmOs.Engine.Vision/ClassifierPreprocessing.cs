namespace LlmOs.Engine.Vision;

/// <summary>
/// How an image becomes a classifier's input, as torchvision's usual evaluation transform does it: the shorter side
/// scaled to <see cref="Resize"/>, a centred <see cref="InputWidth"/> × <see cref="InputHeight"/> crop, each channel
/// scaled to 0–1 then normalised as <c>(value - mean) / std</c>, planes in <see cref="ChannelOrder"/>, NCHW.
/// <see cref="OutputsProbabilities"/> says the model ends in its own softmax (no second one is applied).
/// </summary>
internal sealed partial record ClassifierPreprocessing(
    int InputWidth,
    int InputHeight,
    int Resize,
    float[] Mean,
    float[] Std,
    ChannelOrder ChannelOrder,
    bool OutputsProbabilities)
{
    /// <summary>ImageNet's: what torchvision's and the ONNX model zoo's classifiers were trained with.</summary>
    public static readonly float[] ImageNetMean = [0.485f, 0.456f, 0.406f];

    public static readonly float[] ImageNetStd = [0.229f, 0.224f, 0.225f];

    /// <summary>Floats of one image in the input tensor.</summary>
    public int ImageFloats => 3 * InputWidth * InputHeight;

    /// <summary>The ImageNet crop ratio (224 of 256) when a model names its input size but not the resize.</summary>
    public static int DefaultResize(int inputWidth, int inputHeight) =>
        (int)Math.Round(Math.Max(inputWidth, inputHeight) * 256.0 / 224.0, MidpointRounding.AwayFromZero);
}
