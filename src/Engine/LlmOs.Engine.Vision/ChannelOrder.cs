namespace LlmOs.Engine.Vision;

/// <summary>The order of the three colour planes a classifier's input expects.</summary>
internal enum ChannelOrder
{
    Rgb,
    Bgr,
}
