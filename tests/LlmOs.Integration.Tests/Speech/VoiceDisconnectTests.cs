using System.Net.Sockets;
using System.Text;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Speech;

/// <summary>
/// A hotkey client that streams the microphone to <c>POST /v1/voice</c> (a chunked body) and dies mid-utterance: its
/// voice task is cancelled, nothing keeps running, and the daemon goes on hearing the next command.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class VoiceDisconnectTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private DaemonProcess _daemon = null!;

    public async Task InitializeAsync() => _daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options { WithModel = false });

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Hanging_up_mid_stream_cancels_the_voice_task_and_the_daemon_hears_the_next_command()
    {
        byte[] wav = await VoiceWire.SayAsync(_dir, "set a timer for five minutes", SpokenCorpus.Voices[0], 140);
        string? id;
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_daemon.Socket));
            await socket.SendAsync(Encoding.ASCII.GetBytes(
                "POST /v1/voice?time_zone=UTC HTTP/1.1\r\nHost: localhost\r\nContent-Type: audio/wav\r\nTransfer-Encoding: chunked\r\n\r\n"));

            // The header and the first 0.4 s: the user has started to speak and is still speaking.
            int part = 44 + (22_050 * 2 * 4 / 10);
            await SendChunkAsync(socket, wav.AsMemory(0, part));
            var running = await SpeechTasks.WaitForAsync(_daemon, "voice", TaskStates.Running);
            id = running.Id;
            socket.Close();
        }

        var ended = await SpeechTasks.WaitForEndAsync(_daemon, id);
        Assert.Equal(TaskStates.Cancelled, ended.State);
        Assert.Equal("cancelled", ended.Error?.Code);
        await SpeechTasks.AssertNoneRunningAsync(_daemon);
        Assert.Equal("ok", (await _daemon.Client.HealthAsync()).Status);

        var (status, answer) = await VoiceWire.VoiceAsync(_daemon.Http, wav);
        Assert.True(status == 200, answer.ToString());
        Assert.Equal("timer.set", VoiceWire.Intent(answer));
    }

    private static async Task SendChunkAsync(Socket socket, ReadOnlyMemory<byte> data)
    {
        await socket.SendAsync(Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"));
        await socket.SendAsync(data);
        await socket.SendAsync("\r\n"u8.ToArray());
    }
}
