using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using LlmOs.Client;
using LlmOs.Ipc;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Tasks;
using Tmds.DBus.Protocol;

namespace LlmOs.Bench;

/// <summary>
/// One greedy generation received as Task1 Delta signals on D-Bus versus the same through the socket's event stream,
/// alternating run by run. Timed from the submit to the final signal or event; tokens are the final task's.
/// </summary>
public static class BusStreamBench
{
    public sealed record Run(string Path, int Tokens, TimeSpan Elapsed, int Pieces, string Text)
    {
        public double TokensPerSecond => Tokens / Elapsed.TotalSeconds;
    }

    private readonly record struct TaskSignal(string Path, string Member, string Text, TaskDto? Task);

    public static async Task<(List<Run> Socket, List<Run> Bus)> RunAsync(string address, string socket, int maxTokens, int runs)
    {
        using var connection = new DBusConnection(address);
        await connection.ConnectAsync();
        var signals = Channel.CreateUnbounded<TaskSignal>();
        var rule = new MatchRule { Type = MessageType.Signal, Interface = DBusNames.TaskInterface };
        using var match = await connection.AddMatchAsync(
            rule,
            (message, _) => Read(message),
            notification =>
            {
                if (notification.HasValue)
                {
                    signals.Writer.TryWrite(notification.Value);
                }
            },
            emitOnCapturedContext: false,
            ObserverFlags.None,
            null);
        using var client = LlmosClient.ForSocket(socket);
        var options = new TaskOptions(MaxTokens: maxTokens, Temperature: 0, Seed: 1);

        var socketRuns = new List<Run>();
        var busRuns = new List<Run>();
        for (int i = 0; i <= runs; i++)
        {
            var bySocket = await SocketOnceAsync(client, options);
            var byBus = await BusOnceAsync(connection, signals.Reader, maxTokens);
            if (i > 0)
            {
                socketRuns.Add(bySocket); // the first round warms both paths up
                busRuns.Add(byBus);
            }
        }

        return (socketRuns, busRuns);
    }

    private static TaskSignal Read(Message message)
    {
        var reader = message.GetBodyReader();
        string member = message.MemberAsString ?? "";
        return member switch
        {
            "Delta" => new TaskSignal(message.PathAsString ?? "", member, reader.ReadString(), null),
            "Finished" => new TaskSignal(message.PathAsString ?? "", member, reader.ReadString(), DBusDictionaryReader.Read(reader.ReadDictionaryOfStringToVariantValue(), IpcJsonContext.Default.TaskDto)),
            _ => new TaskSignal(message.PathAsString ?? "", member, "", null),
        };
    }

    private static async Task<Run> BusOnceAsync(DBusConnection connection, ChannelReader<TaskSignal> signals, int maxTokens)
    {
        var text = new StringBuilder();
        int pieces = 0;
        long start = Stopwatch.GetTimestamp();
        string path = await BusCalls.SubmitGenerateAsync(connection, BenchOptions.Prompt, maxTokens);
        while (true)
        {
            var signal = await signals.ReadAsync();
            if (signal.Path != path)
            {
                continue;
            }

            if (signal.Member == "Delta")
            {
                text.Append(signal.Text);
                pieces++;
            }
            else if (signal.Member == "Finished")
            {
                var elapsed = Stopwatch.GetElapsedTime(start);
                var result = signal.Task?.Result ?? throw new InvalidOperationException($"the D-Bus task ended '{signal.Text}' without a result");
                return new Run("D-Bus Delta signals", result.Tokens, elapsed, pieces, text.ToString());
            }
        }
    }

    private static async Task<Run> SocketOnceAsync(LlmosClient client, TaskOptions options)
    {
        var text = new StringBuilder();
        int pieces = 0;
        TaskDto? final = null;
        long start = Stopwatch.GetTimestamp();
        await foreach (var taskEvent in client.StreamAsync(BenchOptions.Prompt, options))
        {
            if (taskEvent.Name == TaskEventNames.Delta)
            {
                text.Append(taskEvent.Data.Text);
                pieces++;
            }
            else if (taskEvent.IsFinal)
            {
                final = taskEvent.Data.Task;
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var result = final?.Result ?? throw new InvalidOperationException("the socket stream ended without a result");
        return new Run("socket event stream", result.Tokens, elapsed, pieces, text.ToString());
    }
}
