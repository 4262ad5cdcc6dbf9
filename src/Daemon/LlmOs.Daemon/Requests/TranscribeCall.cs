using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Speech;

namespace LlmOs.Daemon.Requests;

/// <summary>A checked transcription: the decoded audio, the speech model (null: the default, or the grammar), options and priority.</summary>
internal sealed record TranscribeCall(AudioClip Clip, string? Model, TranscriptionOptions Options, TaskPriority Priority);
