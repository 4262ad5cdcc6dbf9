using LlmOs.Engine.Assistant;

namespace LlmOs.Engine.Speech;

/// <summary>
/// What a voice task made of its audio: the transcript it acted on (its <see cref="Transcript.Engine"/> says which
/// recogniser), the grammar recogniser's verdict, the ask's answer (null when nothing was caught: then
/// <see cref="Text"/> is "I didn't catch that" and nothing acts), the reply text and, when asked, the reply spoken.
/// </summary>
public sealed record VoiceResult(Transcript Transcript, CommandHypothesis? Grammar, AskResult? Answer, string Text, SynthesizedSpeech? Speech);
