namespace LlmOs.Client.Transport.DBus;

/// <summary>What a signal from a task object (<c>org.llmos.Task1</c>) says.</summary>
internal enum TaskSignalKind
{
    /// <summary>Not one of ours, or unreadable: dropped by the router.</summary>
    Ignored,

    /// <summary><c>Delta(s text)</c>: more output.</summary>
    Delta,

    /// <summary><c>Progress(d fraction, s message)</c>.</summary>
    Progress,

    /// <summary><c>Transcript(s text)</c>: a voice or transcribe task's words heard so far.</summary>
    Transcript,

    /// <summary><c>Intent(s name)</c>: a voice task's recognised intent.</summary>
    Intent,

    /// <summary><c>PropertiesChanged</c> with a new <c>State</c>.</summary>
    StateChanged,

    /// <summary><c>Finished(s state, a{sv} task)</c>: the last signal of a task.</summary>
    Finished,
}
