using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;

namespace LlmOs.Engine.Scheduling;

internal sealed partial class ModelWorker
{
    /// <summary>
    /// Runs batch steps until no sequence is open and no task waits. Between two steps, finished and cancelled
    /// sequences leave and waiting tasks join (round-robin across clients, by the scheduler's fair queue).
    /// Returns false when no waiting task could be taken at all.
    /// </summary>
    private bool RunBatches()
    {
        var model = _model!;
        var open = new List<ActiveSequence>(model.MaxSequences);
        var sequences = new List<ITextSequence>(model.MaxSequences);
        bool took = false;
        try
        {
            while (true)
            {
                took |= Admit(model, open);
                DropCancelled(open);
                if (open.Count == 0)
                {
                    return took;
                }

                sequences.Clear();
                open.ForEach(s => sequences.Add(s.Sequence));
                long started = _time.GetTimestamp();
                try
                {
                    using var step = Steps.Begin();
                    model.Advance(sequences);
                }
                catch (Exception e)
                {
                    SchedulingLog.StepFailed(_logger, e, Name, open.Count);
                    var error = e as EngineException ?? new EngineException(ErrorKind.Internal, "generation failed inside the engine: " + e.Message);
                    open.ForEach(s => End(s, () => s.Task.Fail(error.Kind, error.Message)));
                    open.Clear();
                    return true;
                }

                _metrics.TokenInterval(Name, _time.GetElapsedTime(started));
                open.RemoveAll(Collect);
            }
        }
        finally
        {
            open.ForEach(s => End(s, s.Task.MarkCancelled));
        }
    }

    /// <summary>Opens sequences for waiting tasks while the batch has room; true when it took any task.</summary>
    private bool Admit(ITextModel model, List<ActiveSequence> open)
    {
        bool took = false;
        while (open.Count < model.MaxSequences && _scheduler.TryTakeNext(Name, out var task))
        {
            took = true;
            Interlocked.Increment(ref _active);
            try
            {
                open.Add(new ActiveSequence(task, model.Open(task.Prompt, task.Options)));
            }
            catch (Exception e)
            {
                // One task's bad input (a prompt too long, a grammar llama.cpp refuses) fails that task only.
                Interlocked.Decrement(ref _active);
                var error = e as EngineException ?? new EngineException(ErrorKind.Internal, "the model could not start this task: " + e.Message);
                if (e is not EngineException)
                {
                    EngineLog.GenerationFailed(_logger, e, task.Id, Name);
                }

                task.Fail(error.Kind, error.Message);
                _scheduler.Finished(task, 0);
            }
        }

        return took;
    }

    private void DropCancelled(List<ActiveSequence> open) =>
        open.RemoveAll(s =>
        {
            if (!s.Task.CancellationToken.IsCancellationRequested)
            {
                return false;
            }

            End(s, s.Task.MarkCancelled);
            return true;
        });

    /// <summary>Hands the step's piece of one sequence to its task; true when the sequence has ended and leaves the batch.</summary>
    private bool Collect(ActiveSequence active)
    {
        var task = active.Task;
        if (active.Sequence.Piece is { } piece)
        {
            if (active.Produced++ == 0)
            {
                _metrics.FirstToken(Name, _time.GetUtcNow() - task.CreatedAt);
            }

            task.AppendText(active.Stops.Push(piece));
            if (active.Stops.Stopped)
            {
                End(active, () => task.Complete(active.Produced, FinishReason.Stop, active.Sequence.PromptTokens));
                return true;
            }
        }

        var reason = active.Sequence.Ended ?? (active.Produced >= task.Options.MaxTokens ? FinishReason.Length : (FinishReason?)null);
        if (reason is not { } finish)
        {
            return false;
        }

        task.AppendText(active.Stops.Flush());
        End(active, () => task.Complete(active.Produced, finish, active.Sequence.PromptTokens));
        return true;
    }

    private void End(ActiveSequence active, Action finish)
    {
        active.Sequence.Dispose();
        finish();
        Interlocked.Decrement(ref _active);
        _metrics.TokensGenerated(Name, active.Produced);
        _keepAlive = active.Task.KeepAlive ?? _options.KeepAlive;
        _scheduler.Finished(active.Task, active.Produced);
        Touch();
    }
}
