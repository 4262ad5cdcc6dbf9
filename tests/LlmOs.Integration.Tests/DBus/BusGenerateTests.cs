using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.DBus;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>gdbus and busctl drive llmosd with nothing but the interface to go on.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BusGenerateTests
{
    [Fact]
    public async Task Generate_from_gdbus_returns_the_same_greedy_text_as_the_socket()
    {
        await using var bus = await BusDaemon.StartAsync();

        var result = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.Generate",
            "Once upon a time", "{'max_tokens': <8>, 'temperature': <0.0>}");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var response = await bus.Daemon.Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(TaskWire.Generate("Once upon a time", 8)));
        var socketTask = await TaskWire.ReadTaskAsync(response);
        Assert.False(string.IsNullOrEmpty(socketTask.Result!.Text));
        Assert.Equal(socketTask.Result.Text, BusTools.SingleString(result.Stdout));
    }

    [Fact]
    public async Task Status_capabilities_models_and_properties_answer_as_the_socket_does()
    {
        await using var bus = await BusDaemon.StartAsync();

        var status = await BusTools.BusctlAsync(bus.Address, "--json=short", "call", DBusNames.Service, DBusNames.DaemonPath, DBusNames.DaemonInterface, "GetStatus");
        Assert.True(status.ExitCode == 0, status.Stderr);
        Assert.Contains("\"mode\":{\"type\":\"s\",\"data\":\"user\"}", status.Stdout);
        Assert.Contains("\"uid\":{\"type\":\"u\",\"data\":0}", status.Stdout); // the caller's usage: root, from the bus

        var capabilities = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.GetCapabilities");
        Assert.True(capabilities.ExitCode == 0, capabilities.Stderr);
        Assert.Contains("'text_generation': <{'state': <'available'>", capabilities.Stdout);

        var models = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.ListModels");
        Assert.Contains("'id': <'stories260K'>", models.Stdout);

        var properties = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.freedesktop.DBus.Properties.GetAll", DBusNames.DaemonInterface);
        Assert.Contains("'Mode': <'user'>", properties.Stdout);
        Assert.Contains("'QueueDepth': <uint32 0>", properties.Stdout);
        Assert.Contains("'Version': <'", properties.Stdout);

        var set = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.freedesktop.DBus.Properties.Set", DBusNames.DaemonInterface, "Version", "<'9'>");
        Assert.NotEqual(0, set.ExitCode);
        Assert.Contains("org.freedesktop.DBus.Error.PropertyReadOnly", set.Stderr);

        var ask = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.Ask", "", "{}");
        Assert.Contains("org.llmos.Error.InvalidInput", ask.Stderr); // Ask itself: Ask/AskBusTests
    }

    [Fact]
    public async Task A_task_submitted_with_gdbus_and_detached_completes_and_is_read_back_like_the_socket_task()
    {
        await using var bus = await BusDaemon.StartAsync();
        var submitted = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.Submit",
            "generate", "{'prompt': <'Once upon a time'>}", "{'max_tokens': <6>, 'temperature': <0.0>, 'detach': <true>}");
        Assert.True(submitted.ExitCode == 0, submitted.Stderr);
        string id = BusTools.TaskId(BusTools.ObjectPath(submitted.Stdout));

        // gdbus left the bus at once; a detached task runs on, and the socket sees the same task.
        var done = await bus.Daemon.Client.WaitAsync(id);
        Assert.Equal("completed", done.State);
        var read = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.GetTask", id);
        Assert.Contains("'state': <'completed'>", read.Stdout);
        Assert.Contains($"'text': <'{done.Result!.Text}'>", read.Stdout);
        var listed = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.ListTasks");
        Assert.Contains(DBusNames.TaskPath(id), listed.Stdout);
    }
}
