using System.Globalization;
using LlmOs.Engine.Errors;
using LlmOs.Ipc.Tasks;
using Microsoft.AspNetCore.Http;

namespace LlmOs.Daemon.Http.Vision;

/// <summary>
/// The options of <c>/v1/images/*</c>, which come in the query (the body is the image): <c>model</c>, <c>top</c>,
/// <c>language</c> and <c>priority</c>, as the task options of the same names. An unknown or repeated parameter is
/// refused by name (a typo must not pass silently); which of them an endpoint takes is its validator's to say.
/// </summary>
internal static class ImageQuery
{
    private static readonly string[] Known = ["model", "top", "language", "priority"];

    public static TaskOptions Options(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                string shown = name.Length <= 40 ? name : name[..40] + "…";
                throw new EngineException(ErrorKind.InvalidInput, $"unknown query parameter '{shown}'; known: {string.Join(", ", Known)}", shown);
            }

            if (values.Count > 1)
            {
                throw new EngineException(ErrorKind.InvalidInput, $"'{name}' is given {values.Count} times", name);
            }
        }

        int? top = null;
        if (query.TryGetValue("top", out var topValue))
        {
            top = int.TryParse(topValue.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed)
                ? parsed
                : throw new EngineException(ErrorKind.InvalidInput, "'top' must be a whole number", "top");
        }

        return new TaskOptions(
            Model: Value(query, "model"),
            Priority: Value(query, "priority"),
            Language: Value(query, "language"),
            Top: top);
    }

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) ? value.ToString() : null;
}
