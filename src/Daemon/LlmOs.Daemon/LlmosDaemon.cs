using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Hosting;
using LlmOs.Daemon.Http;
using LlmOs.Daemon.Http.Ask;
using LlmOs.Daemon.Http.Intents;
using LlmOs.Daemon.Http.OpenAi;
using LlmOs.Daemon.Http.Vision;
using LlmOs.Engine.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon;

/// <summary>
/// llmosd as an object: build it from settings, start it, stop it. The llmosd program is a thin shell
/// around this class, and tests can run it in-process the same way.
/// </summary>
public sealed partial class LlmosDaemon : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ILogger _logger;
    private Task _schedulerShutdown = Task.CompletedTask;
    private bool _ownsSocket;
    private bool _started;

    private LlmosDaemon(WebApplication app, DaemonSettings settings)
    {
        _app = app;
        Settings = settings;
        _logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("llmosd");
        app.Lifetime.ApplicationStopping.Register(BeginShutdown);
    }

    public DaemonSettings Settings { get; }

    public static LlmosDaemon Create(DaemonSettings settings)
    {
        var sockets = TakeSockets(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear(); // our settings come from DaemonConfiguration only
        ConfigureLogging(builder.Logging, settings);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            Listen(kestrel, settings, sockets.Inherited);
            kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(settings.ShutdownGraceSeconds + 5));
        AddServices(builder.Services, settings);

        var app = builder.Build();
        ErrorHandling.Use(app);
        HealthEndpoints.Map(app);
        ModelEndpoints.Map(app);
        TaskEndpoints.Map(app);
        ResidencyEndpoints.Map(app);
        ChatCompletionEndpoints.Map(app);
        CompletionEndpoints.Map(app);
        ModelRetrieveEndpoints.Map(app);
        MetricsEndpoints.Map(app);
        EmbeddingEndpoints.Map(app);
        CapabilityEndpoints.Map(app);
        IntentEndpoints.Map(app);
        AskEndpoints.Map(app);
        ImageEndpoints.Map(app);
        Http.Speech.SpeechEndpoints.Map(app);
        Http.Speech.AudioEndpoints.Map(app);
        EventEndpoints.Map(app);
        ErrorHandling.MapFallback(app);
        return new LlmosDaemon(app, settings)
        {
            _inherited = sockets.Inherited,
            _refusedDescriptors = sockets.Refused,
            _configuredSocket = sockets.Configured,
        };
    }

    /// <summary>
    /// Claims the socket (unless systemd passed one: its file is systemd's), starts serving, and tells systemd it is
    /// ready once the socket accepts.
    /// </summary>
    /// <exception cref="DaemonAlreadyRunningException">Another daemon listens on the socket.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The data directory holds users' reminders and added models' paths: only llmosd's own user reads it.
        // (Only a directory llmosd creates gets this mode; one that exists keeps the mode its owner gave it.)
        Directory.CreateDirectory(Settings.DataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(Path.Combine(Settings.DataDir, "models"));
        LogSockets();
        if (SocketActivated)
        {
            // Probing the path would reach our own inherited socket; the file's mode and group are llmosd.socket's.
            await _app.StartAsync(cancellationToken).ConfigureAwait(false);
            NotifyReady();
            return;
        }

        SocketFile.Claim(Settings.Socket);
        uint previousMask = SocketFile.RestrictNewFiles(Settings.Mode);
        try
        {
            await _app.StartAsync(cancellationToken).ConfigureAwait(false);
            _ownsSocket = true;
        }
        finally
        {
            _ = Posix.SetUmask(previousMask);
        }

        SocketFile.ApplyPermissions(Settings.Socket, Settings);
        NotifyReady();
    }

    /// <summary>Completes when the daemon has been asked to stop (SIGTERM, Ctrl-C) and has finished stopping.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        await _app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        await FinishAsync().ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        await FinishAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await FinishAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>On the first sign of stopping: refuse new work and give running tasks their grace period.</summary>
    private void BeginShutdown()
    {
        DaemonLog.Stopping(_logger);
        _app.Services.GetRequiredService<SystemdNotifications>().NotifyStopping();
        var grace = TimeSpan.FromSeconds(Settings.ShutdownGraceSeconds);
        _schedulerShutdown = _app.Services.GetRequiredService<Scheduler>().ShutdownAsync(grace, CancellationToken.None);
    }

    private void NotifyReady()
    {
        _started = true;
        _app.Services.GetRequiredService<SystemdNotifications>().NotifyReady();
        var info = _app.Services.GetRequiredService<DaemonInfo>();
        DaemonLog.Ready(_logger, info.Version, Settings.Mode.ToString().ToLowerInvariant(), Settings.Socket, Settings.DataDir);
    }

    private async Task FinishAsync()
    {
        await _schedulerShutdown.ConfigureAwait(false);
        if (_ownsSocket)
        {
            _ownsSocket = false;
            SocketFile.Remove(Settings.Socket);
            DaemonLog.Stopped(_logger, Settings.Socket);
        }
        else if (SocketActivated && _started)
        {
            _started = false;
            ActivationLog.StoppedInherited(_logger, Settings.Socket);
        }
    }
}
