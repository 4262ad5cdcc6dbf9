namespace LlmOs.Engine.Pocketsphinx;

/// <summary>Where Debian's <c>pocketsphinx-en-us</c> puts the English model, and how many decoders may run at once.</summary>
public sealed class PocketsphinxOptions
{
    public const string DebianModelDirectory = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>The folder holding <c>en-us</c> (acoustic model), <c>cmudict-en-us.dict</c> and <c>en-us-phone.lm.bin</c>.</summary>
    public string ModelDirectory { get; init; } = DebianModelDirectory;

    /// <summary>Decoders kept warm; a decoder is single-threaded, so this is how many utterances decode at once (more wait).</summary>
    public int Decoders { get; init; } = 2;

    public string AcousticModel => Path.Combine(ModelDirectory, "en-us");

    public string Dictionary => Path.Combine(ModelDirectory, "cmudict-en-us.dict");

    public string PhoneModel => Path.Combine(ModelDirectory, "en-us-phone.lm.bin");

    /// <summary>Whether the model files are all there.</summary>
    public bool Installed =>
        Directory.Exists(AcousticModel) && File.Exists(Dictionary) && File.Exists(PhoneModel);
}
