using System.Globalization;
using System.IO.Pipes;
using System.Text.RegularExpressions;
using LlmOs.Integration.Tests.DBus;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc;
using LlmOs.Ipc.Ask;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Vision;
using Tmds.DBus.Protocol;

namespace LlmOs.Integration.Tests.Vision;

/// <summary>
/// Classification, text recognition and image questions over D-Bus against the real daemon on a private bus: image
/// bytes (ay) from gdbus and from a connection of the test, and file descriptors (h) of a file and of a pipe.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class ImageBusTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private BusDaemon _bus = null!;

    public async Task InitializeAsync() => _bus = await BusDaemon.StartAsync(VisionDaemon.Options(_dir.Path));

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Gdbus_classifies_image_bytes_as_the_socket_does()
    {
        // Small, as one argument of a command line may be (128 KiB): 5 characters a byte.
        byte[] jpeg = Pictures.SmallJpeg(Pictures.Eagle, 128);
        string bytes = "[byte " + string.Join(",", jpeg.Select(b => "0x" + b.ToString("x2", CultureInfo.InvariantCulture))) + "]";

        var result = await BusTools.GdbusCallAsync(_bus.Address, DBusNames.DaemonPath, DBusNames.DaemonInterface + ".Classify", bytes, "{'top': <3>}");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("'model': <'mobilenet'>", result.Stdout);
        var labels = LabelPattern().Matches(result.Stdout).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, labels.Count);
        var (status, socket) = await VisionDaemon.PostImageAsync(_bus.Daemon.Http, "classify", jpeg, "?top=3");
        Assert.Equal(200, status);
        Assert.Equal(VisionDaemon.Labels(socket).Select(l => l.Label), labels);
    }

    [Fact]
    public async Task ClassifyFd_reads_a_files_descriptor_and_Classify_its_bytes_to_the_same_bald_eagle()
    {
        await using var client = await _bus.ConnectAsync();
        using var file = File.OpenHandle(Pictures.Photo("eagle.jpg"));

        var fromFd = await client.CallDaemonAsync("ClassifyFd", "ha{sv}", (ref MessageWriter w) =>
        {
            w.WriteHandle(file);
            Options(ref w, ("top", VariantValue.Int32(2)));
        }, static (m, _) => ReadRecord(m, IpcJsonContext.Default.ClassifyResponse));
        var fromBytes = await client.CallDaemonAsync("Classify", "aya{sv}", (ref MessageWriter w) =>
        {
            w.WriteArray(Pictures.Eagle);
            Options(ref w, ("top", VariantValue.Int32(2)));
        }, static (m, _) => ReadRecord(m, IpcJsonContext.Default.ClassifyResponse));

        Assert.Equal(VisionDaemon.Model, fromFd.Model);
        Assert.Equal("bald eagle", fromFd.Labels[0].Label);
        Assert.Equal(2, fromFd.Labels.Count);
        Assert.Equal(fromFd.Labels.Select(l => l.Label), fromBytes.Labels.Select(l => l.Label));
    }

    [Fact]
    public async Task OcrFd_reads_the_image_from_a_pipe_and_Ocr_from_bytes()
    {
        byte[] png = Pictures.TextPng(Pictures.ThreeLines);
        await using var client = await _bus.ConnectAsync();
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out, System.IO.HandleInheritability.None);

        var call = client.CallDaemonAsync("OcrFd", "ha{sv}", (ref MessageWriter w) =>
        {
            w.WriteHandle(pipe.ClientSafePipeHandle);
            Options(ref w, ("language", VariantValue.String("en")));
        }, static (m, _) => ReadRecord(m, IpcJsonContext.Default.OcrResponse));

        // The daemon reads as the bytes come, and to the end: the pipe's end is when its writer closes it.
        await pipe.WriteAsync(png);
        pipe.Close();
        var fromPipe = await call;

        Assert.True(CharacterErrors.Rate(Pictures.ThreeLinesText, fromPipe.Text) <= 0.03, $"read:\n{fromPipe.Text}");
        Assert.Equal(3, fromPipe.Lines.Count);

        var fromBytes = await client.CallDaemonAsync("Ocr", "aya{sv}", (ref MessageWriter w) =>
        {
            w.WriteArray(png);
            Options(ref w);
        }, static (m, _) => ReadRecord(m, IpcJsonContext.Default.OcrResponse));
        Assert.Equal(fromPipe.Text, fromBytes.Text);
    }

    [Fact]
    public async Task AskFd_and_Ask_with_image_bytes_describe_the_eagle()
    {
        await using var client = await _bus.ConnectAsync();
        using var file = File.OpenHandle(Pictures.Photo("eagle.jpg"));

        var fromFd = await client.CallDaemonAsync("AskFd", "sha{sv}", (ref MessageWriter w) =>
        {
            w.WriteString("what is in this picture?");
            w.WriteHandle(file);
            Options(ref w, ("time_zone", VariantValue.String("UTC")));
        }, static (m, _) => ReadRecord(m, IpcJsonContext.Default.AskResultDto));
        var fromBytes = await client.CallDaemonAsync("Ask", "sa{sv}", (ref MessageWriter w) =>
        {
            w.WriteString("what is in this picture?");
            Options(ref w, ("image", VariantValue.Array(Pictures.Eagle)));
        }, static (m, _) => ReadRecord(m, IpcJsonContext.Default.AskResultDto));

        foreach (var answer in (AskResultDto[])[fromFd, fromBytes])
        {
            Assert.Equal("image.describe", answer.Intent);
            Assert.Contains("bald eagle", answer.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Submit_takes_a_classify_task_with_the_image_as_bytes_and_its_Finished_signal_has_the_labels()
    {
        await using var client = await _bus.ConnectAsync();

        string path = await client.CallDaemonAsync("Submit", "sa{sv}a{sv}", (ref MessageWriter w) =>
        {
            w.WriteString("classify");
            Options(ref w, ("image", VariantValue.Array(Pictures.Eagle)));
            Options(ref w, ("top", VariantValue.Int32(1)));
        }, static (m, _) => m.GetBodyReader().ReadObjectPathAsString());

        var finished = await client.WaitForFinishedAsync(path);
        Assert.Equal("completed", finished.State);
        Assert.Equal("classify", finished.Task!.Kind);
        Assert.Equal("bald eagle", finished.Task.Result!.Text);
        Assert.Equal("bald eagle", Assert.Single(finished.Task.Result.Labels!).Label);
    }

    [Fact]
    public async Task Bad_images_and_bad_descriptors_get_their_error_names_and_the_daemon_stays_healthy()
    {
        await using var client = await _bus.ConnectAsync();

        var random = await Refused(client.CallDaemonAsync("Classify", "aya{sv}", (ref MessageWriter w) =>
        {
            w.WriteArray(Pictures.RandomBytes(4096, seed: 11));
            Options(ref w);
        }, static (m, _) => m.GetBodyReader().ReadDictionaryOfStringToVariantValue()));
        Assert.Equal("org.llmos.Error.UnsupportedMedia", random.ErrorName);

        var bomb = await Refused(client.CallDaemonAsync("Ocr", "aya{sv}", (ref MessageWriter w) =>
        {
            w.WriteArray(Pictures.PngDeclaring(100_000, 100_000));
            Options(ref w);
        }, static (m, _) => m.GetBodyReader().ReadDictionaryOfStringToVariantValue()));
        Assert.Equal("org.llmos.Error.TooLarge", bomb.ErrorName);

        // An endless stream is cut at MaxImageBytes.
        using var zero = File.OpenHandle("/dev/zero");
        var endless = await Refused(client.CallDaemonAsync("ClassifyFd", "ha{sv}", (ref MessageWriter w) =>
        {
            w.WriteHandle(zero);
            Options(ref w);
        }, static (m, _) => m.GetBodyReader().ReadDictionaryOfStringToVariantValue()));
        Assert.Equal("org.llmos.Error.TooLarge", endless.ErrorName);

        // The write end of a pipe cannot be read from.
        using var pipe = new AnonymousPipeServerStream(PipeDirection.In, System.IO.HandleInheritability.None);
        var writeOnly = await Refused(client.CallDaemonAsync("OcrFd", "ha{sv}", (ref MessageWriter w) =>
        {
            w.WriteHandle(pipe.ClientSafePipeHandle);
            Options(ref w);
        }, static (m, _) => m.GetBodyReader().ReadDictionaryOfStringToVariantValue()));
        Assert.Equal("org.llmos.Error.InvalidInput", writeOnly.ErrorName);
        Assert.Contains("cannot be read", writeOnly.ErrorMessage);

        var wrongOption = await Refused(client.CallDaemonAsync("Classify", "aya{sv}", (ref MessageWriter w) =>
        {
            w.WriteArray(Pictures.Eagle);
            Options(ref w, ("language", VariantValue.String("eng")));
        }, static (m, _) => m.GetBodyReader().ReadDictionaryOfStringToVariantValue()));
        Assert.Equal("org.llmos.Error.InvalidInput", wrongOption.ErrorName);
        Assert.Contains("'language'", wrongOption.ErrorMessage);

        await VisionDaemon.AssertHealthyAsync(_bus.Daemon);
    }

    private static async Task<DBusErrorReplyException> Refused(Task call) => await Assert.ThrowsAsync<DBusErrorReplyException>(() => call);

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

    [GeneratedRegex(@"'label': <'([^']*)'>")]
    private static partial Regex LabelPattern();
}
