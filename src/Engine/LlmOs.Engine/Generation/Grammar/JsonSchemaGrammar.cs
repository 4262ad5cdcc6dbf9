using System.Text.Json;
using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Generation.Grammar;

/// <summary>
/// Turns a JSON Schema into a GBNF grammar (llama.cpp's dialect, root rule <c>root</c>) whose every
/// complete sentence is JSON that validates against the schema. Hand-written: no .NET library converts
/// JSON Schema to GBNF, and llama.cpp's own converter lives in its C++ <c>common</c> library, which
/// LLamaSharp does not expose.
/// </summary>
/// <remarks>
/// <para>
/// The grammar describes a subset of the valid documents, never a superset: whatever it lets a model write
/// validates. To keep a model's output finite (a small model can otherwise wander in a string or an array
/// until max_tokens runs out and leave broken JSON), the unbounded parts of a schema get deliberate caps.
/// A schema's own maximum wins when it is smaller; a schema's minimum raises the cap when it is larger:
/// </para>
/// <list type="bullet">
/// <item>strings: at most <see cref="DefaultMaxStringLength"/> characters (object keys of free-form objects too);</item>
/// <item>arrays: at most <see cref="DefaultMaxItems"/> items; free-form objects at most <see cref="DefaultMaxItems"/> members;</item>
/// <item><c>minLength</c> and <c>minItems</c>: at most <see cref="MaxMinimumLength"/>, else the schema is refused;</item>
/// <item>numbers: at most <see cref="MaxIntegerDigits"/> integer digits and <see cref="MaxFractionDigits"/> fraction digits, no exponent;</item>
/// <item>whitespace: at most one space after <c>{ [ , :</c> and before <c>} ]</c>, never a newline;</item>
/// <item>free-form values (<c>{}</c>, <c>true</c>, an object without properties): nested at most <see cref="MaxFreeFormDepth"/> levels deep;</item>
/// <item>string escapes: only <c>\" \\ \/ \n \r \t</c> (no <c>\u</c>, which could spell a lone surrogate); no control characters.</item>
/// </list>
/// <para>
/// Supported: <c>type</c> (one or a list), <c>properties</c> (emitted in declared order, required ones always,
/// optional ones optional), <c>required</c>, <c>additionalProperties</c> (extra members are never generated),
/// <c>items</c>, <c>minItems</c>, <c>maxItems</c>, <c>minLength</c>, <c>maxLength</c>, <c>format</c> date, time,
/// date-time and uuid, <c>enum</c> and <c>const</c> of any JSON value, <c>anyOf</c>, <c>oneOf</c> (when its
/// branches cannot both match), a one-branch <c>allOf</c>, <c>$ref</c> to <c>#</c>, <c>#/$defs/…</c> and
/// <c>#/definitions/…</c>. Annotations (title, description, default, examples…) are ignored. Any other keyword
/// that could make a document invalid (pattern, minimum, uniqueItems, not…) is refused with
/// <see cref="ErrorKind.InvalidInput"/> rather than answered with a grammar that might not hold.
/// </para>
/// </remarks>
public static class JsonSchemaGrammar
{
    /// <summary>The longest string a grammar allows when the schema gives no <c>maxLength</c>.</summary>
    public const int DefaultMaxStringLength = 64;

    /// <summary>The most items of an array without <c>maxItems</c>, and the most members of a free-form object.</summary>
    public const int DefaultMaxItems = 8;

    /// <summary>The largest <c>minLength</c> or <c>minItems</c> accepted: beyond it no answer fits a context window anyway.</summary>
    public const int MaxMinimumLength = 1024;

    public const int MaxIntegerDigits = 16;

    public const int MaxFractionDigits = 15;

    /// <summary>How deep free-form values may nest objects and arrays.</summary>
    public const int MaxFreeFormDepth = 2;

    /// <summary>The request field a refused schema is blamed on.</summary>
    public const string SchemaField = "response_format.json_schema.schema";

    /// <summary>The GBNF grammar (root rule <c>root</c>) for <paramref name="schema"/>.</summary>
    /// <exception cref="EngineException">
    /// <see cref="ErrorKind.InvalidInput"/> when the schema uses a keyword this converter cannot honour,
    /// a <c>$ref</c> it cannot resolve, or admits no value at all.
    /// </exception>
    public static string ToGbnf(JsonElement schema) => new SchemaConverter(schema).Convert();
}
