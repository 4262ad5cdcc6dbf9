using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Speech.Tests.Transcription;

/// <summary>ggml Whisper files in the models folder, or added by hand, are speech models (asr).</summary>
public sealed class WhisperRegistryTests
{
    [Fact]
    public void A_ggml_bin_in_the_models_folder_is_a_speech_model_and_other_bin_files_are_not_models()
    {
        using var workspace = new WhisperWorkspace();
        File.WriteAllBytes(Path.Combine(workspace.Models, "weights.bin"), [1, 2, 3, 4, 5, 6, 7, 8]);

        var entry = Assert.Single(workspace.Registry.List());

        Assert.Equal("for-tests-ggml-tiny.en", entry.Name);
        Assert.Equal(ModelKind.Speech, entry.Kind);
        Assert.True(entry.IsValid);
        Assert.True(workspace.Registry.HasSpeechModel);
        Assert.Equal(entry.Name, workspace.Registry.ResolveSpeech(null).Name);
        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<EngineException>(() => workspace.Registry.Resolve(entry.Name)).Kind);
        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<EngineException>(() => workspace.Registry.ResolveVision(entry.Name)).Kind);
    }

    [Fact]
    public void With_no_whisper_model_resolving_one_needs_a_model()
    {
        using var workspace = new WhisperWorkspace(linkModel: false);

        Assert.False(workspace.Registry.HasSpeechModel);
        Assert.Equal(ErrorKind.NeedsModel, Assert.Throws<EngineException>(() => workspace.Registry.ResolveSpeech(null)).Kind);
    }

    [Fact]
    public void A_whisper_model_added_by_hand_is_the_default_speech_model_and_a_non_ggml_bin_is_refused()
    {
        using var workspace = new WhisperWorkspace(linkModel: false);
        string other = Path.Combine(workspace.Path, "other.bin");
        File.WriteAllBytes(other, [0, 1, 2, 3, 4, 5]);

        var added = workspace.Registry.Add(WhisperTestFiles.TinyModel, "tiny", makeDefault: true);

        Assert.Equal(ModelKind.Speech, added.Kind);
        Assert.True(added.IsDefault);
        Assert.Equal("tiny", workspace.Registry.ResolveSpeech(null).Name);
        Assert.Equal(ErrorKind.ModelInvalid, Assert.Throws<EngineException>(() => workspace.Registry.Add(other, "other", makeDefault: false)).Kind);
    }
}
