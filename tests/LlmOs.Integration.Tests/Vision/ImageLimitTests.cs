using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LlmOs.Integration.Tests.Ask;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Vision;

/// <summary>
/// The image limits against a daemon told small ones (<c>LLMOSD_MAXIMAGEBYTES</c> 100000 — the eagle photo is 141886
/// bytes — and <c>LLMOSD_MAXIMAGEPIXELS</c> 50000): each way an image can be too large is refused with
/// <c>too_large</c> (413), before what need not be read is read, and the daemon stays healthy.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ImageLimitTests : IAsyncLifetime
{
    private const int MaxImageBytes = 100_000;
    private readonly TempDir _dir = new();
    private DaemonProcess _daemon = null!;

    public async Task InitializeAsync() => _daemon = await VisionDaemon.StartAsync(_dir.Path, environment: new Dictionary<string, string>
    {
        ["LLMOSD_MAXIMAGEBYTES"] = MaxImageBytes.ToString(),
        ["LLMOSD_MAXIMAGEPIXELS"] = "50000",
        ["LLMOSD_MAXREQUESTBYTES"] = "20000",
    });

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_body_over_max_image_bytes_is_413_too_large_with_or_without_its_length_announced()
    {
        Assert.True(Pictures.Eagle.Length > MaxImageBytes);
        var (status, body) = await VisionDaemon.PostImageAsync(_daemon.Http, "classify", Pictures.Eagle);
        Assert.True(status == 413, body.ToString());
        Assert.Equal("too_large", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("141886 bytes", body.GetProperty("error").GetProperty("message").GetString());
        await VisionDaemon.AssertHealthyAsync(_daemon);

        // Chunked: no length to refuse up front, so the reading stops where the limit is passed. Over a raw socket, the
        // whole body written (the kernel holds it) before the answer is read: an HttpClient still sending when llmosd
        // answers and closes would see a broken pipe instead of the 413.
        string answer = await PostChunkedAsync("/v1/images/ocr", Pictures.Eagle);
        Assert.StartsWith("HTTP/1.1 413", answer);
        Assert.Contains("\"code\":\"too_large\"", answer);
        await VisionDaemon.AssertHealthyAsync(_daemon);
    }

    /// <summary>Sends <paramref name="body"/> as one chunk in one write and returns what the daemon answered before it closed.</summary>
    private async Task<string> PostChunkedAsync(string path, byte[] body)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(_daemon.Socket));
        using var request = new MemoryStream();
        request.Write(Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n{body.Length:x}\r\n"));
        request.Write(body);
        request.Write("\r\n0\r\n\r\n"u8);
        await socket.SendAsync(request.ToArray());

        // A peer that closes with some of our body unread resets the connection once its answer has been read.
        var answer = new StringBuilder();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer)) > 0)
            {
                answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (SocketException) when (answer.Length > 0)
        {
        }

        return answer.ToString();
    }

    [Fact]
    public async Task A_content_length_over_the_limit_is_refused_before_any_of_the_body_is_sent()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(_daemon.Socket));
        await socket.SendAsync(Encoding.ASCII.GetBytes("POST /v1/images/classify HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000000\r\n\r\n"));
        using var stream = new NetworkStream(socket, ownsSocket: false);
        string response = await new StreamReader(stream).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 413", response);
        Assert.Contains("\"code\":\"too_large\"", response);
        await VisionDaemon.AssertHealthyAsync(_daemon);
    }

    [Fact]
    public async Task An_image_over_the_pixel_limit_is_too_large_however_small_its_file()
    {
        byte[] jpeg = Pictures.SmallJpeg(Pictures.Eagle, 300); // 90000 pixels
        Assert.True(jpeg.Length < MaxImageBytes, $"{jpeg.Length} bytes");

        var (status, body) = await VisionDaemon.PostImageAsync(_daemon.Http, "classify", jpeg);

        Assert.True(status == 413, body.ToString());
        Assert.Equal("too_large", body.GetProperty("error").GetProperty("code").GetString());
        var (fine, _) = await VisionDaemon.PostImageAsync(_daemon.Http, "classify", Pictures.SmallJpeg(Pictures.Eagle, 200));
        Assert.Equal(200, fine);
    }

    [Fact]
    public async Task Base64_images_over_the_limit_are_too_large_by_field_and_bodies_without_images_keep_max_request_bytes()
    {
        // 110000 bytes: over MaxImageBytes, so refused by its base64's length before anything is decoded (it is not even a
        // whole JPEG), while the body is within what a body with an image may be (MaxRequestBytes + the limit's base64).
        byte[] over = Pictures.Eagle[..110_000];
        string task = $$$"""{"kind":"classify","input":{"image":"{{{Convert.ToBase64String(over)}}}"}}""";
        using (var response = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(task)))
        {
            var error = await TaskWire.ReadErrorAsync(response);
            Assert.Equal(413, (int)response.StatusCode);
            Assert.Equal(("too_large", "input.image"), (error.GetProperty("code").GetString(), error.GetProperty("field").GetString()));
        }

        var (askStatus, ask) = await AskDaemon.AskAsync(_daemon.Http, "what is in this picture?", $"\"image\":\"{Convert.ToBase64String(over)}\"");
        Assert.Equal(413, askStatus);
        Assert.Equal("image", ask.GetProperty("error").GetProperty("field").GetString());

        // A body larger than even that is refused as a body.
        string whole = $$$"""{"kind":"classify","input":{"image":"{{{Convert.ToBase64String(Pictures.Eagle)}}}"}}""";
        using (var response = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(whole)))
        {
            Assert.Equal(413, (int)response.StatusCode);
            Assert.Equal("too_large", (await TaskWire.ReadErrorAsync(response)).GetProperty("code").GetString());
        }

        // A body with no image is held to MaxRequestBytes, as before images came.
        using (var response = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(TaskWire.Generate(new string('a', 30_000), 5))))
        {
            Assert.Equal(413, (int)response.StatusCode);
            Assert.Equal("too_large", (await TaskWire.ReadErrorAsync(response)).GetProperty("code").GetString());
        }

        // And an image within the limits passes the same way.
        string small = $$$"""{"kind":"classify","input":{"image":"{{{Convert.ToBase64String(Pictures.SmallJpeg(Pictures.Eagle, 200))}}}"}}""";
        using var accepted = await _daemon.Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(small));
        Assert.Equal("completed", (await TaskWire.ReadTaskAsync(accepted)).State);
        await VisionDaemon.AssertHealthyAsync(_daemon);
    }
}
