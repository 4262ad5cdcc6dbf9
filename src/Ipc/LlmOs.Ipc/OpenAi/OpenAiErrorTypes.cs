namespace LlmOs.Ipc.OpenAi;

/// <summary>The <c>type</c> of an <see cref="OpenAiError"/>, OpenAI's words where it has one.</summary>
public static class OpenAiErrorTypes
{
    /// <summary>The request is wrong or asks for what llmosd does not do (400, 404 for a model, 409, 413, 415, 422).</summary>
    public const string InvalidRequest = "invalid_request_error";

    /// <summary>The caller may not do this (403).</summary>
    public const string Permission = "permission_error";

    /// <summary>The queue is full or the daemon is stopping (429, with Retry-After).</summary>
    public const string RateLimit = "rate_limit_error";

    /// <summary>The caller's token quota is used up (429, with Retry-After).</summary>
    public const string InsufficientQuota = "insufficient_quota";

    /// <summary>The task was cancelled before it finished (by a DELETE or shutdown).</summary>
    public const string Cancelled = "cancelled_error";

    /// <summary>A failure inside llmosd (500).</summary>
    public const string Server = "server_error";
}
