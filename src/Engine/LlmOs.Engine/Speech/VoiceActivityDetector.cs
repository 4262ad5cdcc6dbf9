namespace LlmOs.Engine.Speech;

/// <summary>
/// Hears where a spoken utterance ends in audio that arrives as it is recorded: 30 ms frames of 16 kHz samples are
/// measured (RMS) against an adaptive noise floor, the quietest frame of the last few seconds (minimum statistics: the
/// floor follows steady noise such as a fan or hiss, and the pauses between words keep it down while someone speaks).
/// The utterance ends after a stretch of silence that follows speech, or at a maximum length. Allocates nothing per
/// frame; not thread-safe (one producer pushes).
/// </summary>
public sealed class VoiceActivityDetector
{
    /// <summary>30 ms at 16 kHz.</summary>
    public const int FrameSamples = AudioClip.SampleRate * 30 / 1000;

    private readonly VoiceActivityOptions _options;
    private readonly float[] _partial = new float[FrameSamples];
    private readonly double[] _levels;
    private readonly int _minSpeechFrames;
    private readonly int _silenceFrames;
    private readonly long _maxSamples;
    private int _partialCount;
    private int _levelCount;
    private int _levelNext;
    private double _sustainedPeak;
    private long _samples;

    public VoiceActivityDetector(VoiceActivityOptions? options = null)
    {
        _options = options ?? new VoiceActivityOptions();
        _minSpeechFrames = Math.Max(1, FramesIn(_options.MinSpeech));
        _silenceFrames = Math.Max(1, FramesIn(_options.SilenceToEnd));
        _levels = new double[Math.Max(Math.Max(_minSpeechFrames, _silenceFrames), FramesIn(_options.FloorWindow))];
        _maxSamples = (long)(_options.MaxLength.TotalSeconds * AudioClip.SampleRate);
    }

    /// <summary>Whether speech has been heard (at least the minimum run of speech frames).</summary>
    public bool HeardSpeech { get; private set; }

    /// <summary>Whether the utterance has ended; later samples are ignored.</summary>
    public bool Ended { get; private set; }

    /// <summary>Why it ended: silence after speech, or the maximum length.</summary>
    public bool EndedByLength { get; private set; }

    /// <summary>How much audio has been measured.</summary>
    public TimeSpan Heard => TimeSpan.FromSeconds(_samples / (double)AudioClip.SampleRate);

    /// <summary>The current noise floor (RMS).</summary>
    public double NoiseFloor { get; private set; }

    /// <summary>Measures the next samples; true once the utterance has ended.</summary>
    public bool Push(ReadOnlySpan<float> samples)
    {
        while (!Ended && samples.Length > 0)
        {
            int take = Math.Min(FrameSamples - _partialCount, samples.Length);
            samples[..take].CopyTo(_partial.AsSpan(_partialCount));
            _partialCount += take;
            samples = samples[take..];
            if (_partialCount == FrameSamples)
            {
                _partialCount = 0;
                Measure(_partial);
            }
        }

        return Ended;
    }

    private void Measure(ReadOnlySpan<float> frame)
    {
        double sum = 0;
        foreach (float sample in frame)
        {
            sum += sample * sample;
        }

        double level = Math.Sqrt(sum / frame.Length);
        _levels[_levelNext] = level;
        _levelNext = (_levelNext + 1) % _levels.Length;
        _levelCount = Math.Min(_levelCount + 1, _levels.Length);
        NoiseFloor = Quietest(_levels.AsSpan(0, _levelCount));
        _samples += frame.Length;

        // Speech is judged against the floor as it is now, so that speech from the very first frame counts once
        // a pause has shown what silence sounds like: the loudest sustained stretch so far (the quietest of
        // MinSpeech's frames in a row, which a click does not reach) against the current threshold.
        double threshold = Math.Max(NoiseFloor * _options.SpeechRatio, _options.MinLevel);
        _sustainedPeak = Math.Max(_sustainedPeak, LatestQuietest(_minSpeechFrames));
        HeardSpeech |= _sustainedPeak >= threshold;
        if (HeardSpeech && QuietRun(threshold) >= _silenceFrames)
        {
            Ended = true;
        }

        if (!Ended && _samples >= _maxSamples)
        {
            Ended = true;
            EndedByLength = true;
        }
    }

    /// <summary>How many of the latest frames in a row are below <paramref name="threshold"/>, counting up to the silence that ends an utterance.</summary>
    private int QuietRun(double threshold)
    {
        int run = 0;
        while (run < _silenceFrames && run < _levelCount && _levels[(_levelNext - run - 1 + _levels.Length) % _levels.Length] < threshold)
        {
            run++;
        }

        return run;
    }

    /// <summary>The quietest of the latest <paramref name="count"/> frames (0 until there are that many).</summary>
    private double LatestQuietest(int count)
    {
        if (_levelCount < count)
        {
            return 0;
        }

        double min = double.MaxValue;
        for (int i = 1; i <= count; i++)
        {
            min = Math.Min(min, _levels[(_levelNext - i + _levels.Length) % _levels.Length]);
        }

        return min;
    }

    /// <summary>The smallest of the levels, without LINQ's allocation.</summary>
    private static double Quietest(ReadOnlySpan<double> levels)
    {
        double min = double.MaxValue;
        foreach (double level in levels)
        {
            min = Math.Min(min, level);
        }

        return min;
    }

    private static int FramesIn(TimeSpan span) => (int)Math.Ceiling(span.TotalSeconds * AudioClip.SampleRate / FrameSamples);
}

