namespace LlmOs.Engine.Models;

/// <summary>What kind of work a model does.</summary>
public enum ModelKind
{
    /// <summary>Text generation (GGUF through llama.cpp).</summary>
    Text,

    /// <summary>Sentence embeddings (ONNX, such as the built-in MiniLM).</summary>
    Embedding,

    /// <summary>Image classification (an ONNX classifier with its labels file).</summary>
    Vision,

    /// <summary>Speech recognition for open dictation (a ggml Whisper model, <c>asr</c> on the wire).</summary>
    Speech,
}
