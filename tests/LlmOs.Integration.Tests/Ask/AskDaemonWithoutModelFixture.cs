namespace LlmOs.Integration.Tests.Ask;

/// <summary>
/// The same daemon without a language model: what no template or example decides falls to chat at once, so a
/// thousand random utterances cost no generation each (the language-model stage has its own tests).
/// </summary>
public sealed class AskDaemonWithoutModelFixture : AskDaemonFixture
{
    protected override bool WithModel => false;
}
