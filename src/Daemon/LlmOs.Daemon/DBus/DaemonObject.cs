using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Http;
using LlmOs.Daemon.Requests;
using LlmOs.Daemon.Security;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc.DBus;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// <c>/org/llmos/Daemon</c>, interface <c>org.llmos.Daemon1</c>, exactly as <c>org.llmos.Daemon1.xml</c> declares it:
/// Introspect answers the file's interface, every call is checked against the file's signature before it is read,
/// and each method does what the socket's endpoint of the same meaning does, through the same engine calls.
/// </summary>
internal sealed partial class DaemonObject(
    BusPeers peers,
    TaskSignals signals,
    TaskSubmitter submitter,
    Scheduler scheduler,
    TaskStore store,
    ModelRegistry registry,
    IntentRegistry intents,
    AskCalls askCalls,
    VisionCalls visionCalls,
    ImageInput images,
    SpeechCalls speechCalls,
    AudioInput audio,
    TaskRequestValidator validator,
    DueSignals dueSignals,
    CapabilityReporter capabilities,
    StatusReporter status,
    DaemonInfo info,
    DaemonSettings settings,
    Administrators administrators,
    TaskAccess taskAccess,
    ILogger<DaemonObject> logger) : BusObject(peers, logger)
{
    private static readonly InterfaceContract Contract = InterfaceContract.Parse(DBusInterfaces.Daemon1);
    private static readonly ReadOnlyMemory<byte> InterfaceXml = DBusInterfaces.InterfaceElement(DBusInterfaces.Daemon1);
    private static readonly string[] PropertyNames = ["Version", "Mode", "QueueDepth"];
    private static readonly PropertyWriter<DaemonObject> PropertyWriter = static (ref writer, name, self) => self.WriteProperty(ref writer, name);

    private readonly ILogger _logger = logger;

    public override string Path => DBusNames.DaemonPath;

    public override bool HandlesChildPaths => false;

    protected override ValueTask DispatchAsync(MethodContext context)
    {
        if (context.IsDBusIntrospectRequest)
        {
            context.ReplyIntrospectXml([InterfaceXml, IntrospectionXml.DBusProperties], ReadOnlySpan<string>.Empty);
            return ValueTask.CompletedTask;
        }

        if (context.IsPropertiesInterfaceRequest)
        {
            BusProperties.Handle(context, DBusNames.DaemonInterface, PropertyNames, PropertyWriter, this);
            return ValueTask.CompletedTask;
        }

        if (!IsFor(context, DBusNames.DaemonInterface) || Contract.Find(context.Request.MemberAsString ?? "") is not { } method)
        {
            ReplyUnknown(context);
            return ValueTask.CompletedTask;
        }

        InterfaceContract.CheckArguments(method, context.Request.SignatureAsString);
        return method.Name switch
        {
            "Submit" => SubmitAsync(context),
            "Generate" => GenerateAsync(context),
            "Ask" => AskAsync(context),
            "AskFd" => AskFdAsync(context),
            "Classify" => ClassifyAsync(context, fromDescriptor: false),
            "ClassifyFd" => ClassifyAsync(context, fromDescriptor: true),
            "Ocr" => OcrAsync(context, fromDescriptor: false),
            "OcrFd" => OcrAsync(context, fromDescriptor: true),
            "Transcribe" => TranscribeAsync(context, fromDescriptor: false),
            "TranscribeFd" => TranscribeAsync(context, fromDescriptor: true),
            "Voice" => VoiceAsync(context, fromDescriptor: false),
            "VoiceFd" => VoiceAsync(context, fromDescriptor: true),
            "Speak" => SpeakAsync(context),
            "TestUtterance" => TestUtteranceAsync(context),
            "Subscribe" => SubscribeAsync(context),
            "Unsubscribe" => UnsubscribeAsync(context),
            "GetIntentCatalog" => GetIntentCatalogAsync(context),
            "GetTask" => GetTaskAsync(context),
            "ListTasks" => ListTasksAsync(context),
            "ListModels" => ListModels(context),
            "AddModel" => AddModelAsync(context),
            "LoadModel" => LoadModelAsync(context),
            "UnloadModel" => UnloadModelAsync(context),
            "GetResidentModels" => GetResidentModels(context),
            "GetStatus" => GetStatusAsync(context),
            "GetCapabilities" => GetCapabilities(context),
            "RegisterIntentHandler" => RegisterIntentHandlerAsync(context),
            "UnregisterIntentHandler" => UnregisterIntentHandlerAsync(context),
            _ => Unknown(context),
        };
    }

    private static ValueTask Unknown(MethodContext context)
    {
        ReplyUnknown(context);
        return ValueTask.CompletedTask;
    }

    private bool WriteProperty(ref MessageWriter writer, string name)
    {
        switch (name)
        {
            case "Version":
                writer.WriteVariantString(info.Version);
                return true;
            case "Mode":
                writer.WriteVariantString(settings.Mode == DaemonMode.System ? "system" : "user");
                return true;
            case "QueueDepth":
                writer.WriteVariantUInt32((uint)Math.Max(0, scheduler.QueueDepth));
                return true;
            default:
                return false;
        }
    }
}
