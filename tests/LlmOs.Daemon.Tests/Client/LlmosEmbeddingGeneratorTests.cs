using LlmOs.Client;
using Microsoft.Extensions.AI;

namespace LlmOs.Daemon.Tests.Client;

/// <summary>The embedding generator on a fake transport: the OpenAI request it sends and how it reads vectors back.</summary>
public sealed class LlmosEmbeddingGeneratorTests
{
    // Out of order on purpose: the index decides where a vector goes.
    private const string Answer = """
        {"object":"list","model":"minilm","data":[
          {"object":"embedding","index":1,"embedding":[0.5,-1,2]},
          {"object":"embedding","index":0,"embedding":[1,0.25,0]}],
         "usage":{"prompt_tokens":7,"total_tokens":7}}
        """;

    [Fact]
    public async Task Values_go_in_one_request_and_come_back_in_order()
    {
        var (transport, fake) = FakeTransport.Create(Answer);
        var embedder = new LlmosClient(transport).AsEmbeddingGenerator("minilm");

        var embeddings = await embedder.GenerateAsync(["first", "second"]);

        var (path, body) = Assert.Single(fake.Posts);
        Assert.Equal("v1/embeddings", path);
        Assert.Equal("minilm", body.GetProperty("model").GetString());
        Assert.Equal("""["first","second"]""", body.GetProperty("input").GetRawText());
        Assert.Equal([1f, 0.25f, 0f], embeddings[0].Vector.ToArray());
        Assert.Equal([0.5f, -1f, 2f], embeddings[1].Vector.ToArray());
        Assert.All(embeddings, e => Assert.Equal("minilm", e.ModelId));
        Assert.Equal(7, embeddings.Usage!.InputTokenCount);
    }

    [Fact]
    public async Task No_values_need_no_request()
    {
        var (transport, fake) = FakeTransport.Create(Answer);

        var embeddings = await new LlmosClient(transport).AsEmbeddingGenerator().GenerateAsync([]);

        Assert.Empty(embeddings);
        Assert.Empty(fake.Posts);
    }

    [Fact]
    public async Task Dimensions_other_than_the_models_are_refused()
    {
        var embedder = new LlmosClient(FakeTransport.Create(Answer).Transport).AsEmbeddingGenerator();

        await Assert.ThrowsAsync<NotSupportedException>(() => embedder.GenerateAsync(["a", "b"], new EmbeddingGenerationOptions { Dimensions = 384 }));
        Assert.Equal(2, (await embedder.GenerateAsync(["a", "b"], new EmbeddingGenerationOptions { Dimensions = 3 })).Count);
    }

    [Theory]
    [InlineData("""{"data":[{"index":0,"embedding":[1]}]}""")]
    [InlineData("""{"data":[{"index":0,"embedding":[1]},{"index":0,"embedding":[2]}]}""")]
    [InlineData("""{"data":[{"index":5,"embedding":[1]},{"index":0,"embedding":[2]}]}""")]
    [InlineData("""{"vectors":[]}""")]
    public async Task A_malformed_answer_is_an_error_not_a_wrong_result(string answer)
    {
        var embedder = new LlmosClient(FakeTransport.Create(answer).Transport).AsEmbeddingGenerator();

        var e = await Assert.ThrowsAsync<LlmosException>(() => embedder.GenerateAsync(["a", "b"]));

        Assert.Equal("internal", e.Code);
    }
}
