using System.Buffers.Binary;
using LlmOs.Daemon.Security;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace LlmOs.Daemon.Http;

/// <summary>Who is on the other end of the Unix socket, from the kernel (SO_PEERCRED), not from anything the client says.</summary>
internal static class PeerCredentials
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    /// <summary>Who a request acts for: the peer's uid, or nobody (65534) when it cannot be read — never root.</summary>
    public static uint Caller(HttpContext context) => Read(context)?.Uid ?? Nobody;

    /// <summary>The caller of an administrative operation: its uid and pid (pid 0, which polkit refuses, when unreadable).</summary>
    public static AdminCaller AdminCaller(HttpContext context) =>
        Read(context) is { } peer ? Security.AdminCaller.WithPid(peer.Uid, peer.Pid) : Security.AdminCaller.WithPid(Nobody, 0);

    private const uint Nobody = 65534;

    /// <summary>The peer's uid; null when the connection is not a Unix socket (never the case for llmosd).</summary>
    public static uint? Uid(HttpContext context) => Read(context)?.Uid;

    private static (uint Pid, uint Uid)? Read(HttpContext context)
    {
        var socket = context.Features.Get<IConnectionSocketFeature>()?.Socket;
        if (socket is null)
        {
            return null;
        }

        // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
        Span<byte> ucred = stackalloc byte[12];
        return socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred) == 12
            ? (BinaryPrimitives.ReadUInt32LittleEndian(ucred), BinaryPrimitives.ReadUInt32LittleEndian(ucred[4..]))
            : null;
    }
}
