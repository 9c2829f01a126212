using System.Text.Json;

namespace WeakToStrong.Data.Tasks;

/// <summary>
/// What a builder gets from the data stage: the unpacked source folders in manifest order, the parameters normalised
/// by the task's descriptor (every declared parameter present, validated), and the seed.
/// </summary>
public sealed record TaskInputs(IReadOnlyList<string> Sources, IReadOnlyDictionary<string, JsonElement> Params, ulong Seed)
{
    /// <summary>How the user names each source (a <c>path</c> source's own path, else its registry spec): what a data
    /// error should point at, rather than the cache's copy. Defaults to the folders themselves.</summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>The user's name for the one source of a task that reads exactly one.</summary>
    public string SourceName => Names is [var name] ? name : Source;

    /// <summary>The source of a task that reads exactly one.</summary>
    public string Source => Sources.Count == 1 ? Sources[0]
        : throw new InvalidOperationException($"this task reads one source, got {Sources.Count}");

    public string String(string name) => Param(name).GetString()!;

    public int Integer(string name) => Param(name).GetInt32();

    public IReadOnlyList<string> Strings(string name) => [.. Param(name).EnumerateArray().Select(e => e.GetString()!)];

    private JsonElement Param(string name) => Params.TryGetValue(name, out var value) ? value
        : throw new KeyNotFoundException($"parameter '{name}' is missing: the data stage passes parameters normalised by the task's descriptor");
}
