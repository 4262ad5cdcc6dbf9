using LlmOs.Daemon.DBus;
using LlmOs.Ipc.DBus;

namespace LlmOs.Daemon.Tests.DBus;

/// <summary>Signatures come from the interface files, and a wrong one is refused with what the method takes.</summary>
public sealed class InterfaceContractTests
{
    private static readonly InterfaceContract Daemon1 = InterfaceContract.Parse(DBusInterfaces.Daemon1);

    [Theory]
    [InlineData("Submit", "sa{sv}a{sv}", "o")]
    [InlineData("Generate", "sa{sv}", "s")]
    [InlineData("GetStatus", "", "a{sv}")]
    [InlineData("ListTasks", "", "ao")]
    [InlineData("RegisterIntentHandler", "oaa{sv}", "")]
    [InlineData("Classify", "aya{sv}", "a{sv}")]
    [InlineData("ClassifyFd", "ha{sv}", "a{sv}")]
    [InlineData("Ocr", "aya{sv}", "a{sv}")]
    [InlineData("OcrFd", "ha{sv}", "a{sv}")]
    [InlineData("AskFd", "sha{sv}", "a{sv}")]
    public void Each_method_has_the_files_signatures(string member, string input, string output)
    {
        var method = Daemon1.Find(member)!;

        Assert.Equal(input, method.In);
        Assert.Equal(output, method.Out);
    }

    [Fact]
    public void A_wrong_signature_is_refused_naming_the_arguments()
    {
        var e = Assert.Throws<BusCallException>(() => InterfaceContract.CheckArguments(Daemon1.Find("Submit")!, "ss"));

        Assert.Equal("org.llmos.Error.InvalidInput", e.ErrorName);
        Assert.Equal("Submit takes (s kind, a{sv} input, a{sv} options), not (ss)", e.Message);
        Assert.Equal("GetStatus takes no arguments, not (s)",
            Assert.Throws<BusCallException>(() => InterfaceContract.CheckArguments(Daemon1.Find("GetStatus")!, "s")).Message);
        Assert.Equal("Generate takes (s prompt, a{sv} options), not none",
            Assert.Throws<BusCallException>(() => InterfaceContract.CheckArguments(Daemon1.Find("Generate")!, null)).Message);
    }

    [Fact]
    public void Task1_declares_cancel_and_watch_without_arguments()
    {
        var task1 = InterfaceContract.Parse(DBusInterfaces.Task1);

        Assert.Equal("", task1.Find("Cancel")!.In);
        Assert.Equal("", task1.Find("Watch")!.In);
        Assert.Null(task1.Find("Delta")); // a signal, not a method
    }
}
