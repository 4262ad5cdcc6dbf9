using LlmOs.Daemon.Http;
using LlmOs.Daemon.Http.OpenAi;
using LlmOs.Engine.Errors;
using LlmOs.Ipc.OpenAi;

namespace LlmOs.Daemon.Tests.OpenAi;

public sealed class OpenAiErrorsTests
{
    [Theory]
    [InlineData(ErrorKind.InvalidInput, 400, "invalid_request_error", "invalid_input")]
    [InlineData(ErrorKind.Unsupported, 400, "invalid_request_error", "unsupported")]
    [InlineData(ErrorKind.TooLarge, 413, "invalid_request_error", "too_large")]
    [InlineData(ErrorKind.ModelNotFound, 404, "invalid_request_error", "model_not_found")]
    [InlineData(ErrorKind.NeedsModel, 409, "invalid_request_error", "needs_model")]
    [InlineData(ErrorKind.ModelInvalid, 422, "invalid_request_error", "invalid_input")]
    [InlineData(ErrorKind.Busy, 429, "rate_limit_error", "busy")]
    [InlineData(ErrorKind.QuotaExceeded, 429, "insufficient_quota", "quota_exceeded")]
    [InlineData(ErrorKind.Forbidden, 403, "permission_error", "forbidden")]
    [InlineData(ErrorKind.Internal, 500, "server_error", "internal")]
    public void Each_kind_keeps_the_native_status_and_code_and_gets_an_openai_type(ErrorKind kind, int status, string type, string code)
    {
        var body = OpenAiErrors.Body(kind, "why", "field");

        Assert.Equal(status, HttpErrors.Status(kind));
        Assert.Equal(new OpenAiError("why", type, "field", code), body.Error);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("body", null)]
    [InlineData("options.model", "model")]
    [InlineData("input.texts", "input")]
    [InlineData("messages[0].content", "messages[0].content")]
    [InlineData("response_format.json_schema.schema", "response_format.json_schema.schema")]
    public void Fields_are_named_as_openai_requests_have_them(string? field, string? param)
    {
        Assert.Equal(param, OpenAiErrors.Param(field));
    }
}
