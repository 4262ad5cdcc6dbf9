using System.Collections;
using LlmOs.Daemon.Configuration;

namespace LlmOs.Daemon.Tests;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class DaemonConfigurationTests : IDisposable
{
    private static readonly string[] IsolatedVariables = ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"];

    private readonly TempDirectory _temp = new();
    private readonly Dictionary<string, string?> _saved = new(StringComparer.Ordinal);

    /// <summary>
    /// Every test starts with no LLMOSD_* variable and with the XDG folders inside its temp folder, so neither the
    /// machine's environment nor the real user's configuration file can leak in. Dispose puts everything back.
    /// </summary>
    public DaemonConfigurationTests()
    {
        var variables = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith(DaemonConfiguration.EnvironmentPrefix, StringComparison.Ordinal))
            .Concat(IsolatedVariables);
        foreach (string name in variables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }

        SetVariable("XDG_CONFIG_HOME", _temp.Combine("config"));
        SetVariable("XDG_DATA_HOME", _temp.Combine("data"));
        SetVariable("XDG_RUNTIME_DIR", _temp.Combine("run"));
    }

    public void Dispose()
    {
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            string name = (string)variable.Key;
            if (name.StartsWith(DaemonConfiguration.EnvironmentPrefix, StringComparison.Ordinal) && !_saved.ContainsKey(name))
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }

        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        _temp.Dispose();
    }

    private void SetVariable(string name, string? value)
    {
        _saved.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    private static DaemonSettings Load(params string[] args) => DaemonConfiguration.Load(DaemonCommandLine.Parse(args));

    [Fact]
    public void Json_file_then_environment_then_command_line_later_wins()
    {
        string file = _temp.WriteFile("llmosd.json", """
            {
              "socket": "/json/llmosd.sock",
              "dataDir": "/json/data",
              "logLevel": "Debug",
              "queueCapacity": 1,
              "shutdownGraceSeconds": 3
            }
            """);
        SetVariable("LLMOSD_SOCKET", "/env/llmosd.sock");
        SetVariable("LLMOSD_LOGLEVEL", "Warning");
        SetVariable("LLMOSD_QUEUECAPACITY", "2");

        var settings = Load("--config", file, "--socket", "/cli/llmosd.sock");

        Assert.Equal("/cli/llmosd.sock", settings.Socket); // file < environment < command line
        Assert.Equal("Warning", settings.LogLevel); // file < environment
        Assert.Equal(2, settings.QueueCapacity); // file < environment
        Assert.Equal("/json/data", settings.DataDir); // file only
        Assert.Equal(3, settings.ShutdownGraceSeconds); // file only
        Assert.Equal(4096, settings.MaxTokensLimit); // nobody: the default
    }

    [Fact]
    public void Command_line_beats_environment_for_mode_and_log_level()
    {
        SetVariable("LLMOSD_MODE", "System");
        SetVariable("LLMOSD_LOGLEVEL", "Trace");

        var settings = Load("--user", "--log-level=Error");

        Assert.Equal(DaemonMode.User, settings.Mode);
        Assert.Equal("Error", settings.LogLevel);
    }

    [Fact]
    public void Environment_keys_are_case_insensitive_and_use_double_underscore_for_nesting()
    {
        SetVariable("LLMOSD_maxPromptChars", "100");
        SetVariable("LLMOSD_MODELS__0__NAME", "env-model");
        SetVariable("LLMOSD_MODELS__0__PATH", "/models/env.gguf");

        var settings = Load();

        Assert.Equal(100, settings.MaxPromptChars);
        var model = Assert.Single(settings.Models);
        Assert.Equal("env-model", model.Name);
        Assert.Equal("/models/env.gguf", model.Path);
    }

    [Fact]
    public void User_mode_defaults_follow_the_xdg_folders()
    {
        var settings = Load();

        Assert.Equal(DaemonMode.User, settings.Mode);
        Assert.Equal(_temp.Combine("run", "llmosd.sock"), settings.Socket);
        Assert.Equal(_temp.Combine("data", "llmosd"), settings.DataDir);
        Assert.Equal("Information", settings.LogLevel);
        Assert.Equal(256, settings.QueueCapacity);
        Assert.Empty(settings.Models);
        Assert.Null(settings.DefaultModel);
    }

    [Fact]
    public void User_mode_without_xdg_folders_falls_back_to_tmp_and_home()
    {
        SetVariable("XDG_RUNTIME_DIR", null);
        SetVariable("XDG_DATA_HOME", null);

        var settings = Load();

        Assert.Equal($"/tmp/llmosd-{Environment.UserName}/llmosd.sock", settings.Socket);
        Assert.Equal(
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "llmosd"),
            settings.DataDir);
    }

    [Fact]
    public void System_mode_defaults_are_the_system_paths()
    {
        // Keeps a real /etc/llmosd/llmosd.json on this machine out of the test.
        SetVariable("LLMOSD_CONFIG", _temp.Combine("absent.json"));

        var settings = Load("--system");

        Assert.Equal(DaemonMode.System, settings.Mode);
        Assert.Equal("/run/llmosd/llmosd.sock", settings.Socket);
        Assert.Equal("/var/lib/llmosd", settings.DataDir);
    }

    [Fact]
    public void System_mode_may_come_from_the_environment()
    {
        SetVariable("LLMOSD_CONFIG", _temp.Combine("absent.json"));
        SetVariable("LLMOSD_MODE", "system");

        var settings = Load();

        Assert.Equal(DaemonMode.System, settings.Mode);
        Assert.Equal("/run/llmosd/llmosd.sock", settings.Socket);
    }

    [Fact]
    public void Explicit_paths_replace_the_mode_defaults_and_relative_ones_become_absolute()
    {
        var settings = Load("--socket", "relative/llmosd.sock", "--data-dir", "/srv/llmos/");

        Assert.Equal(Path.GetFullPath("relative/llmosd.sock"), settings.Socket);
        Assert.True(Path.IsPathFullyQualified(settings.Socket));
        Assert.Equal("/srv/llmos/", settings.DataDir);
    }

    [Fact]
    public void Default_user_config_file_is_read_from_xdg_config_home()
    {
        _temp.WriteFile(Path.Combine("config", "llmosd", "llmosd.json"), """{ "queueCapacity": 7, "defaultModel": "stories" }""");

        var settings = Load();

        Assert.Equal(7, settings.QueueCapacity);
        Assert.Equal("stories", settings.DefaultModel);
    }

    [Fact]
    public void Config_file_may_be_named_by_the_environment()
    {
        string file = _temp.WriteFile("elsewhere.json", """{ "contextSize": 512 }""");
        SetVariable("LLMOSD_CONFIG", file);

        Assert.Equal(512, Load().ContextSize);
    }

    [Fact]
    public void Command_line_config_file_that_does_not_exist_throws_invalid_operation()
    {
        string missing = _temp.Combine("missing.json");

        var e = Assert.Throws<InvalidOperationException>(() => Load("--config", missing));

        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"queueCapacity\": ")]
    [InlineData("not json at all")]
    [InlineData("{ \"socket\": \"/a\" } trailing")]
    [InlineData("[1, 2, 3")]
    public void Invalid_json_throws_invalid_operation(string content)
    {
        string file = _temp.WriteFile("bad.json", content);

        var e = Assert.Throws<InvalidOperationException>(() => Load("--config", file));

        Assert.Contains(file, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_in_the_default_config_file_throws_invalid_operation()
    {
        _temp.WriteFile(Path.Combine("config", "llmosd", "llmosd.json"), "{ oops");

        Assert.Throws<InvalidOperationException>(() => Load());
    }

    [Fact]
    public void Value_of_the_wrong_type_throws_invalid_operation()
    {
        string file = _temp.WriteFile("typed.json", """{ "queueCapacity": "many" }""");

        Assert.Throws<InvalidOperationException>(() => Load("--config", file));
    }

    [Fact]
    public void Models_array_in_json_binds_to_settings_models()
    {
        string file = _temp.WriteFile("models.json", """
            {
              "defaultModel": "tiny",
              "models": [
                { "name": "tiny", "path": "/models/tiny.gguf", "default": true },
                { "name": "big", "path": "/models/big.gguf" }
              ]
            }
            """);

        var settings = Load("--config=" + file);

        Assert.Equal("tiny", settings.DefaultModel);
        Assert.Collection(
            settings.Models,
            m =>
            {
                Assert.Equal("tiny", m.Name);
                Assert.Equal("/models/tiny.gguf", m.Path);
                Assert.True(m.Default);
            },
            m =>
            {
                Assert.Equal("big", m.Name);
                Assert.Equal("/models/big.gguf", m.Path);
                Assert.False(m.Default);
            });
    }

    [Fact]
    public void Every_numeric_setting_binds_from_json()
    {
        string file = _temp.WriteFile("numbers.json", """
            {
              "queueCapacity": 11, "shutdownGraceSeconds": 2.5, "taskRetentionMinutes": 0.5,
              "maxRequestBytes": 4096, "maxPromptChars": 300, "maxTokensLimit": 99,
              "defaultMaxTokens": 12, "contextSize": 1024, "threads": 3, "socketGroup": "wheel"
            }
            """);

        var settings = Load("--config", file);

        Assert.Equal(11, settings.QueueCapacity);
        Assert.Equal(2.5, settings.ShutdownGraceSeconds);
        Assert.Equal(0.5, settings.TaskRetentionMinutes);
        Assert.Equal(4096, settings.MaxRequestBytes);
        Assert.Equal(300, settings.MaxPromptChars);
        Assert.Equal(99, settings.MaxTokensLimit);
        Assert.Equal(12, settings.DefaultMaxTokens);
        Assert.Equal(1024, settings.ContextSize);
        Assert.Equal(3, settings.Threads);
        Assert.Equal("wheel", settings.SocketGroup);
    }

    [Fact]
    public void Image_settings_have_their_defaults_and_bind_from_json_and_the_environment()
    {
        var defaults = Load();
        Assert.Equal(33554432, defaults.MaxImageBytes);
        Assert.Equal(50_000_000, defaults.MaxImagePixels);
        Assert.Equal(1, defaults.OcrConcurrency);

        string file = _temp.WriteFile("images.json", """
            {
              "maxImageBytes": 1000, "maxImagePixels": 2000, "ocrConcurrency": 2,
              "models": [{ "name": "mobilenet", "path": "/models/mobilenet.onnx", "labels": "/models/imagenet.json" }]
            }
            """);
        SetVariable("LLMOSD_MAXIMAGEPIXELS", "3000");

        var settings = Load("--config", file);

        Assert.Equal(1000, settings.MaxImageBytes);
        Assert.Equal(3000, settings.MaxImagePixels); // the environment wins over the file
        Assert.Equal(2, settings.OcrConcurrency);
        Assert.Equal("/models/imagenet.json", Assert.Single(settings.Models).Labels);
    }
}
