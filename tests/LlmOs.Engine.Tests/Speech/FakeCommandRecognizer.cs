using LlmOs.Engine.Speech;

namespace LlmOs.Engine.Tests.Speech;

/// <summary>A command recogniser that hears <see cref="Hypothesis"/> and records the audio each session was fed.</summary>
internal sealed class FakeCommandRecognizer : ICommandRecognizer
{
    public IReadOnlyList<string> Languages { get; init; } = ["en"];

    public CommandHypothesis Hypothesis { get; set; } = CommandHypothesis.Nothing("silence");

    /// <summary>Samples fed to sessions, and clips recognised whole.</summary>
    public int SamplesFed => Volatile.Read(ref _samplesFed);

    public int ProcessCalls => Volatile.Read(ref _processCalls);

    public int Finishes => Volatile.Read(ref _finishes);

    public int WholeClips { get; private set; }

    /// <summary>Called on each chunk a session is fed (the test watches the stream arrive).</summary>
    public Action<int>? OnProcess { get; set; }

    private int _samplesFed;
    private int _processCalls;
    private int _finishes;

    public bool Supports(string language) => Languages.Contains(language);

    public ICommandSession Start(CommandGrammar grammar) => new Session(this);

    public Task<CommandHypothesis> RecognizeAsync(AudioClip clip, CommandGrammar grammar, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        WholeClips++;
        return Task.FromResult(Hypothesis);
    }

    private sealed class Session(FakeCommandRecognizer owner) : ICommandSession
    {
        public void Process(ReadOnlySpan<float> samples)
        {
            int total = Interlocked.Add(ref owner._samplesFed, samples.Length);
            Interlocked.Increment(ref owner._processCalls);
            owner.OnProcess?.Invoke(total);
        }

        public CommandHypothesis Finish()
        {
            Interlocked.Increment(ref owner._finishes);
            return owner.Hypothesis;
        }

        public void Dispose()
        {
        }
    }
}
