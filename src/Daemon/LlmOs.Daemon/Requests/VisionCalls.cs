using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc.Vision;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// A classification and a text recognition as the shortcuts of both transports run them (<c>POST /v1/images/classify</c>
/// and D-Bus <c>Classify</c>/<c>ClassifyFd</c>, <c>POST /v1/images/ocr</c> and D-Bus <c>Ocr</c>/<c>OcrFd</c>): an
/// ordinary task of the caller, answered when done, cancelled when the caller goes before that.
/// </summary>
internal sealed class VisionCalls(TaskSubmitter submitter, Scheduler scheduler, ILogger<VisionCalls> logger)
{
    /// <summary>
    /// Submits the classification, hands the task to <paramref name="attach"/> (false: the caller has gone, cancel it) and
    /// waits for its labels; a wait that ends early (the caller hung up, the daemon stops) cancels the task.
    /// </summary>
    public async Task<ClassifyResponse> ClassifyAsync(ClassifyCall call, uint caller, string transport, Func<TaskRecord, bool>? attach, CancellationToken cancellationToken)
    {
        var task = submitter.SubmitClassify(call, caller);
        await FinishAsync(task, attach, cancellationToken).ConfigureAwait(false);
        var response = VisionMapper.ToClassifyResponse(task);
        if (response.Labels.Count > 0)
        {
            VisionLog.Classified(logger, caller, transport, response.Model, response.Labels[0].Label, response.Labels[0].Probability);
        }

        return response;
    }

    /// <summary>Submits the text recognition and waits for what it read, as <see cref="ClassifyAsync"/> does.</summary>
    public async Task<OcrResponse> OcrAsync(OcrCall call, uint caller, string transport, Func<TaskRecord, bool>? attach, CancellationToken cancellationToken)
    {
        var task = submitter.SubmitOcr(call, caller);
        await FinishAsync(task, attach, cancellationToken).ConfigureAwait(false);
        var reading = task.Reading ?? throw new EngineException(ErrorKind.Internal, "the text recognition ended without a reading");
        VisionLog.Recognized(logger, caller, transport, reading.Lines.Count, reading.Confidence);
        return VisionMapper.ToOcrResponse(reading);
    }

    /// <summary>Waits for the task; a wait cut short cancels it, and a task that did not complete throws its error.</summary>
    private async Task FinishAsync(TaskRecord task, Func<TaskRecord, bool>? attach, CancellationToken cancellationToken)
    {
        if (attach is not null && !attach(task))
        {
            scheduler.Cancel(task);
        }

        try
        {
            await task.Finished.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!task.IsFinished)
            {
                scheduler.Cancel(task);
            }
        }

        if (task.State != TaskState.Completed)
        {
            var error = task.Error ?? new TaskError(ErrorKind.Internal, "the task ended without a result");
            throw new EngineException(error.Kind, error.Message);
        }
    }
}
