using System.IO.Pipes;
using LlmOs.Client;
using LlmOs.Integration.Tests.DBus;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Speech;
using LlmOs.Ipc.Tasks;
using Tmds.DBus.Protocol;

namespace LlmOs.Integration.Tests.Speech;

/// <summary>
/// Speech over D-Bus against the real llmosd on a private bus: <c>Voice</c> with WAV bytes, <c>VoiceFd</c> with a pipe
/// written as a recorder would, <c>Speak</c> answering WAV bytes, and <c>Transcribe</c> without a speech model.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class VoiceBusTests : IAsyncLifetime
{
    private const string Command = "set a timer for five minutes";
    private readonly TempDir _dir = new();
    private BusDaemon _bus = null!;

    public async Task InitializeAsync() => _bus = await BusDaemon.StartAsync(new DaemonProcess.Options { WithModel = false });

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Voice_with_wav_bytes_answers_the_intent_and_its_slots()
    {
        byte[] wav = await VoiceWire.SayAsync(_dir, Command, SpokenCorpus.Voices[1], 140);
        await using var client = await _bus.ConnectAsync();

        var answer = await client.CallDaemonAsync("Voice", "aya{sv}", (ref MessageWriter w) =>
        {
            w.WriteArray(wav);
            Options(ref w, ("time_zone", VariantValue.String("UTC")));
        }, static (m, _) => ReadRecord(m, IpcJsonContext.Default.VoiceResultDto));

        Assert.True(answer.Accepted, answer.ToString());
        Assert.Equal("grammar", answer.Recognizer);
        Assert.Equal("timer.set", answer.Intent);
        Assert.Equal(300, answer.Slots!["duration"].GetDouble());
        Assert.StartsWith("Timer set for", answer.Text);
        Assert.Null(answer.Audio);
    }

    [Fact]
    public async Task VoiceFd_hears_a_pipe_written_while_the_user_speaks()
    {
        byte[] wav = await VoiceWire.SayAsync(_dir, "what time is it", SpokenCorpus.Voices[2], 190);
        await using var client = await _bus.ConnectAsync();
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.None);

        var call = client.CallDaemonAsync("VoiceFd", "ha{sv}", (ref MessageWriter w) =>
        {
            w.WriteHandle(pipe.ClientSafePipeHandle);
            Options(ref w, ("time_zone", VariantValue.String("UTC")));
        }, static (m, _) => ReadRecord(m, IpcJsonContext.Default.VoiceResultDto));

        // 100 ms of audio at a time, as a recorder delivers it; llmosd may answer before the pipe is closed.
        const int Piece = 4410;
        try
        {
            for (int at = 0; at < wav.Length && !call.IsCompleted; at += Piece)
            {
                await pipe.WriteAsync(wav.AsMemory(at, Math.Min(Piece, wav.Length - at)));
                await pipe.FlushAsync();
                await Task.Delay(10);
            }

            pipe.Close();
        }
        catch (IOException)
        {
            // The daemon heard the utterance out and closed its end first.
        }

        var answer = await call;
        Assert.Equal("time.now", answer.Intent);
        Assert.True(answer.Accepted);
        Assert.Contains("what time is it", answer.Transcript);
    }

    [Fact]
    public async Task A_submitted_voice_task_signals_its_transcript_and_intent_before_it_finishes()
    {
        byte[] wav = await VoiceWire.SayAsync(_dir, Command, SpokenCorpus.Voices[2], 140);
        await using var client = await _bus.ConnectAsync();

        string path = await client.CallDaemonAsync("Submit", "sa{sv}a{sv}", (ref MessageWriter w) =>
        {
            w.WriteString("voice");
            Options(ref w, ("audio", VariantValue.Array(wav)));
            Options(ref w, ("time_zone", VariantValue.String("UTC")));
        }, static (m, _) => m.GetBodyReader().ReadObjectPathAsString());

        var finished = await client.WaitForFinishedAsync(path);
        Assert.Equal("completed", finished.State);
        Assert.Equal("timer.set", finished.Task!.Result!.Intent);
        var signals = client.SignalsOf(path);
        var members = signals.Select(s => s.Member).ToList();
        int intent = members.IndexOf("Intent");
        Assert.True(intent >= 0 && members.IndexOf("Transcript") is >= 0 and var transcript && transcript < intent && intent < members.IndexOf("Finished"), string.Join(", ", members));
        Assert.Equal("timer.set", signals[intent].Text);
        Assert.Contains("timer", signals.Last(s => s.Member == "Transcript").Text);

        // A voice task's progress is no change of state: the states it reports are running, then completed.
        Assert.Equal(["running", "completed"], signals.Where(s => s.Member == "PropertiesChanged").Select(s => s.State));
    }

    [Fact]
    public async Task The_client_library_over_the_bus_streams_a_voice_tasks_transcript_and_intent_as_the_socket_does()
    {
        byte[] wav = await VoiceWire.SayAsync(_dir, "take a screenshot", SpokenCorpus.Voices[0], 190);
        using var client = LlmosClient.ForBus(_bus.Address);
        var request = new TaskSubmitRequest("voice", new TaskInput(null, Audio: Convert.ToBase64String(wav)), new TaskOptions(TimeZone: "UTC"));

        var events = new List<TaskStreamEvent>();
        await foreach (var e in client.Transport.SubmitStreamingAsync(request, CancellationToken.None))
        {
            events.Add(e);
        }

        var names = events.Select(e => e.Name).ToList();
        Assert.Equal(TaskEventNames.Completed, names[^1]);
        int intent = names.IndexOf(TaskEventNames.Intent);
        Assert.True(names.IndexOf(TaskEventNames.Started) < names.IndexOf(TaskEventNames.Transcript) && names.IndexOf(TaskEventNames.Transcript) < intent, string.Join(", ", names));
        Assert.Equal("screenshot.take", events[intent].Data.Text);
        Assert.Equal("screenshot.take", events[^1].Data.Task!.Result!.Intent);
    }

    [Fact]
    public async Task Speak_answers_a_wav_file_of_the_text()
    {
        await using var client = await _bus.ConnectAsync();

        byte[] wav = await client.CallDaemonAsync("Speak", "sa{sv}", (ref MessageWriter w) =>
        {
            w.WriteString("The kettle has boiled.");
            Options(ref w, ("sample_rate", VariantValue.Int32(16_000)), ("speed", VariantValue.Int32(160)));
        }, static (m, _) => m.GetBodyReader().ReadArrayOfByte());

        SpeechCli.SpokenAudio.AssertWav(wav);
        Assert.Equal(16_000, BitConverter.ToInt32(wav, 24));
    }

    [Fact]
    public async Task Transcribe_without_a_speech_model_is_the_NeedsModel_error_and_the_daemon_stays_well()
    {
        await using var client = await _bus.ConnectAsync();
        byte[] jfk = await File.ReadAllBytesAsync(SpeechCli.SpokenAudio.Jfk);

        var refused = await Assert.ThrowsAsync<DBusErrorReplyException>(() => client.CallDaemonAsync("Transcribe", "aya{sv}", (ref MessageWriter w) =>
        {
            w.WriteArray(jfk);
            Options(ref w);
        }, static (m, _) => m.GetBodyReader().ReadDictionaryOfStringToVariantValue()));

        Assert.Equal(DBusErrorNames.ForCode("needs_model"), refused.ErrorName);
        Assert.False(string.IsNullOrWhiteSpace(refused.ErrorMessage));
        Assert.Equal("ok", (await _bus.Daemon.Client.HealthAsync()).Status);
    }

    private static void Options(ref MessageWriter writer, params (string Key, VariantValue Value)[] options)
    {
        var dictionary = writer.WriteDictionaryStart();
        foreach (var (key, value) in options)
        {
            writer.WriteDictionaryEntryStart();
            writer.WriteString(key);
            writer.WriteVariant(value);
        }

        writer.WriteDictionaryEnd(dictionary);
    }

    private static T ReadRecord<T>(Message message, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        DBusDictionaryReader.Read(message.GetBodyReader().ReadDictionaryOfStringToVariantValue(), type);
}
