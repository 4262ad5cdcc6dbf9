using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Speech;

namespace LlmOs.Daemon.Requests;

/// <summary>A checked speech synthesis: the text, how to speak it and the priority.</summary>
internal sealed record SpeakCall(string Text, SpeechOptions Options, TaskPriority Priority);
