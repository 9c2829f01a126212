using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>Where two records of one plan differ in their hashed part: a run key that differs after a kill or a
/// scancel (seen in 3 full CI runs out of about 20, never when run alone) must say which stage's bytes moved.</summary>
static class RecordDifference
{
    /// <summary>
    /// "run key B, expected A; differing stages: …; other fields: …", read from the two records on disk; with both
    /// stores, each differing safetensors output compared tensor by tensor (<see cref="SafetensorsDifference"/>).
    /// </summary>
    public static string Explain(string expectedKey, RunRecord expected, string actualKey, string runsDirectory, string experiment = "tiny",
        string? expectedStore = null, string? actualStore = null)
    {
        string path = Path.Combine(runsDirectory, experiment, actualKey + ".json");
        if (!File.Exists(path)) return $"run key {actualKey}, expected {expectedKey}; no record at {path}";
        var actual = RunRecord.Read(path);
        string where = StagesThatDiffer(expected, actual);
        if (expectedStore is not null && actualStore is not null) where += TensorsThatDiffer(expected, actual, expectedStore, actualStore);
        return $"run key {actualKey}, expected {expectedKey}; {where}";
    }

    static string TensorsThatDiffer(RunRecord expected, RunRecord actual, string expectedStore, string actualStore)
    {
        var before = expected.Stages.ToDictionary(s => s.Id);
        var notes = new List<string>();
        foreach (var stage in actual.Stages)
        {
            if (!before.TryGetValue(stage.Id, out var old)) continue;
            foreach (var (name, output) in stage.Outputs)
            {
                if (!old.Outputs.TryGetValue(name, out var was) || was == output) continue;
                string a = ContentStore.ObjectPath(expectedStore, was.Sha256), b = ContentStore.ObjectPath(actualStore, output.Sha256);
                if (File.Exists(a) && File.Exists(b) && IsSafetensors(a))
                    notes.Add($"{stage.Id}:{name}: {SafetensorsDifference.Explain(a, b)}");
            }
        }
        return notes.Count == 0 ? "" : "; tensors: " + string.Join(" | ", notes);
    }

    static bool IsSafetensors(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[9];
        return file.Read(head) == 9 && head[8] == (byte)'{';
    }

    public static string StagesThatDiffer(RunRecord expected, RunRecord actual)
    {
        var before = expected.Hashed["stages"]!.AsArray().ToDictionary(s => (string)s!["id"]!, s => s!.AsObject());
        var diffs = new List<string>();
        foreach (var stage in actual.Hashed["stages"]!.AsArray().Select(s => s!.AsObject()))
        {
            string id = (string)stage["id"]!;
            if (!before.TryGetValue(id, out var old)) { diffs.Add($"{id} (new)"); continue; }
            var fields = stage.Select(p => p.Key).Union(old.Select(p => p.Key))
                .Where(f => stage[f]?.ToJsonString() != old[f]?.ToJsonString()).ToList();
            if (fields.Count > 0) diffs.Add($"{id}: {string.Join(", ", fields.Select(f => $"{f} {old[f]?.ToJsonString()} -> {stage[f]?.ToJsonString()}"))}");
        }
        var top = actual.Hashed.Select(p => p.Key).Where(f => f != "stages" && actual.Hashed[f]?.ToJsonString() != expected.Hashed[f]?.ToJsonString());
        return "differing stages: " + (diffs.Count == 0 ? "none" : string.Join("; ", diffs)) + "; other fields: " + string.Join(", ", top);
    }
}
