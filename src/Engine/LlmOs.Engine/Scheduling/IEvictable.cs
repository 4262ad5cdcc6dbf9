namespace LlmOs.Engine.Scheduling;

/// <summary>A loaded model the residency manager may ask to leave memory when another needs the room.</summary>
internal interface IEvictable
{
    string Name { get; }

    /// <summary>When it last did work; the least recently used idle model goes first.</summary>
    long LastUsedTimestamp { get; }

    /// <summary>Loaded, with nothing running and nothing waiting.</summary>
    bool IsIdle { get; }

    /// <summary>Asks it to unload if it is still idle when it gets to it; it releases its reservation when it does.</summary>
    void RequestEviction();
}
