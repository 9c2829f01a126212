using System.Text.Json.Nodes;
using WeakToStrong.Provenance.Files;

namespace WeakToStrong.Provenance.Records;

/// <summary>One line of `Runs`: a past run found under `runs/&lt;experiment&gt;/`.</summary>
public sealed record RunSummary(string Experiment, string RunKey, string Path, string? Scale, string? FinishedAt, JsonObject? Summary)
{
    /// <summary>The resolved manifest's <c>gate</c> (metric → tolerance), which says which of the summary's numbers are gated; null when it has none.</summary>
    public JsonObject? Gate { get; init; }
}

/// <summary>Lists past runs from the records on disk (the records are the index: nothing else to keep in sync).</summary>
public static class RunIndex
{
    public static IReadOnlyList<RunSummary> List(string runsDirectory, string? experiment = null)
    {
        if (!Directory.Exists(runsDirectory)) return [];
        var dirs = experiment is null
            ? Directory.GetDirectories(runsDirectory)
            : [Path.Combine(runsDirectory, experiment)];
        var list = new List<RunSummary>();
        foreach (var dir in dirs.Where(Directory.Exists))
            foreach (var file in Directory.GetFiles(dir, "*.json"))
            {
                try
                {
                    var node = JsonNode.Parse(UserFile.ReadAllText(file, SizeLimit.Document))!.AsObject();
                    list.Add(new RunSummary(Path.GetFileName(dir), Path.GetFileNameWithoutExtension(file), file,
                        (string?)node["hashed"]?["scale"], (string?)node["provenance"]?["finishedAt"],
                        node["hashed"]?["metrics"]?["summary"]?.DeepClone().AsObject())
                    {
                        Gate = node["hashed"]?["manifest"]?["gate"]?.DeepClone() as JsonObject,
                    });
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException)
                {
                    list.Add(new RunSummary(Path.GetFileName(dir), Path.GetFileNameWithoutExtension(file), file, null, null, null));
                }
            }
        return list.OrderBy(r => r.FinishedAt ?? "", StringComparer.Ordinal).ToList();
    }

    /// <summary>A run by key (or unique key prefix) or by path to its record.</summary>
    public static string Locate(string runsDirectory, string keyOrPath)
    {
        if (File.Exists(keyOrPath)) return Path.GetFullPath(keyOrPath);
        var matches = List(runsDirectory).Where(r => r.RunKey.StartsWith(keyOrPath, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Path,
            0 => throw new FileNotFoundException($"no run record matches '{keyOrPath}' under {runsDirectory}"),
            _ => throw new InvalidOperationException($"'{keyOrPath}' matches {matches.Count} runs; give more of the key"),
        };
    }
}
