namespace LlmOs.Engine.Vision;

/// <summary>One class of a classifier's answer: its label and its probability (softmax over the logits, 0 to 1).</summary>
public sealed record LabelScore(string Label, float Probability);
