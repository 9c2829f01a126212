using System.Text.Json;
using WeakToStrong.Core.Diagnostics;
using WeakToStrong.Core.Text;

namespace WeakToStrong.Core.Tasks;

/// <summary>The JSON shapes a task parameter can take in <c>data.params</c>.</summary>
public enum TaskParameterType
{
    /// <summary>A string, optionally restricted to <see cref="TaskParameter.Allowed"/>.</summary>
    String,
    /// <summary>A 32-bit whole number, optionally bounded by <see cref="TaskParameter.Minimum"/>/<see cref="TaskParameter.Maximum"/>.</summary>
    Integer,
    /// <summary>A non-empty array of distinct strings, each optionally restricted to <see cref="TaskParameter.Allowed"/>.</summary>
    StringList,
}

/// <summary>Something wrong with one parameter value: at its key, at the value, or at item <see cref="Item"/> of an array.</summary>
public sealed record TaskParameterProblem(string Code, string Message, bool AtKey = false, int? Item = null);

/// <summary>
/// One parameter a task builder reads from <c>data.params</c>: its type, the values it accepts and its default.
/// Declared beside the builder (in its <see cref="TaskDescriptor"/>), so validation, the stage key and the builder
/// read one definition.
/// </summary>
public sealed record TaskParameter
{
    public required string Name { get; init; }
    public required TaskParameterType Type { get; init; }
    /// <summary>Used when the manifest leaves the parameter out; the stage key hashes it all the same.</summary>
    public required JsonElement Default { get; init; }
    public IReadOnlyList<string>? Allowed { get; init; }
    public int? Minimum { get; init; }
    public int? Maximum { get; init; }
    /// <summary>For a list: the name of its one-value spelling (<c>"partOfSpeech": "noun"</c> is <c>"partsOfSpeech": ["noun"]</c>).</summary>
    public string? Singular { get; init; }

    public static TaskParameter OneOf(string name, IReadOnlyList<string> allowed, string @default) =>
        new() { Name = name, Type = TaskParameterType.String, Allowed = allowed, Default = JsonSerializer.SerializeToElement(@default) };

    public static TaskParameter Integer(string name, int @default, int? minimum = null, int? maximum = null) =>
        new() { Name = name, Type = TaskParameterType.Integer, Minimum = minimum, Maximum = maximum, Default = JsonSerializer.SerializeToElement(@default) };

    public static TaskParameter ListOf(string name, IReadOnlyList<string> allowed, IReadOnlyList<string> @default, string? singular = null) =>
        new() { Name = name, Type = TaskParameterType.StringList, Allowed = allowed, Singular = singular, Default = JsonSerializer.SerializeToElement(@default) };

    /// <summary>Every problem with <paramref name="value"/> as this parameter's value (none when it is valid).</summary>
    /// <param name="writtenAs">The key the manifest used, when it is not <see cref="Name"/> (the singular spelling).</param>
    public IEnumerable<TaskParameterProblem> Problems(string task, JsonElement value, string? writtenAs = null)
    {
        var what = $"Parameter '{writtenAs ?? Name}' of task '{task}'";
        switch (Type)
        {
            case TaskParameterType.String:
                if (value.ValueKind != JsonValueKind.String) yield return WrongType(what, "a string", value);
                else if (NotAllowed(what, value.GetString()!) is { } p) yield return p;
                break;
            case TaskParameterType.Integer:
                if (value.ValueKind != JsonValueKind.Number) yield return WrongType(what, "an integer", value);
                else if (!value.TryGetInt64(out var n))
                    yield return new(DiagnosticCodes.NonInteger, $"{what} must be an integer, got {value.GetRawText()}.");
                // Builders read integers as int: a larger value would pass here and throw in the builder.
                else if (n is < int.MinValue or > int.MaxValue)
                    yield return new(DiagnosticCodes.OutOfRange, $"{what} = {n} is out of range for a 32-bit integer.");
                else if (n < (Minimum ?? int.MinValue) || n > (Maximum ?? int.MaxValue))
                    yield return new(DiagnosticCodes.OutOfRange, $"{what} = {n} is out of range: it must be {Bounds()}.");
                break;
            case TaskParameterType.StringList:
                if (value.ValueKind != JsonValueKind.Array) { yield return WrongType(what, "an array of strings", value); break; }
                if (value.GetArrayLength() == 0) yield return new(DiagnosticCodes.OutOfRange, $"{what} must have at least 1 entry, got 0.");
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String) yield return WrongType($"Entry {i} of p{what[1..]}", "a string", item) with { Item = i };
                    else if (NotAllowed(what, item.GetString()!) is { } p) yield return p with { Item = i };
                    else if (!seen.Add(item.GetString()!))
                        yield return new(DiagnosticCodes.DuplicateValue, $"{what} lists '{item.GetString()}' twice.", Item: i);
                    i++;
                }
                break;
        }
    }

    private TaskParameterProblem? NotAllowed(string what, string text) =>
        Allowed is null || Allowed.Contains(text, StringComparer.Ordinal) ? null
            : new(DiagnosticCodes.UnknownEnumValue,
                $"Unknown value '{text}' for {what[0..1].ToLowerInvariant()}{what[1..]}.{DidYouMean.Hint(text, Allowed)} Expected one of: {string.Join(", ", Allowed)}.");

    private static TaskParameterProblem WrongType(string what, string expected, JsonElement got) =>
        new(DiagnosticCodes.WrongType, $"{what} must be {expected}, got {KindName(got)}.");

    private string Bounds() => (Minimum, Maximum) switch
    {
        ({ } min, { } max) => $"between {min} and {max}",
        ({ } min, null) => $"at least {min}",
        (null, { } max) => $"at most {max}",
        _ => "an integer",
    };

    internal static string KindName(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"string \"{e.GetString()}\"",
        JsonValueKind.Number => "number " + e.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => "boolean " + e.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    /// <summary>"partsOfSpeech (or partOfSpeech)": how error messages list a parameter.</summary>
    internal string Spellings => Singular is null ? Name : $"{Name} (or {Singular})";
}
