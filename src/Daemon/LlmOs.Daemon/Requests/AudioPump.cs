using LlmOs.Engine.Speech;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// Feeds a voice task the audio its transport receives while it is recorded (a chunked body, a descriptor), until the
/// audio ends (then <see cref="AudioFeed.Complete"/>), the task has heard enough (<see cref="AudioFeed.Ended"/>) or the
/// call is over (the token). Never throws: a failure ends the feed with its error, and the task fails with it.
/// </summary>
internal delegate Task AudioPump(AudioFeed feed, CancellationToken cancellationToken);
