using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>Writes a call's arguments after its header (<see cref="MessageWriter"/> is a ref struct, hence a delegate of our own).</summary>
internal delegate void ArgumentWriter<TArguments>(ref MessageWriter writer, TArguments arguments);
