using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Engine.Tests.Runner;

/// <summary>Where two records of one plan differ in their hashed part: a run key that differs after a kill or a
/// scancel (seen in 3 full CI runs out of about 20, never when run alone) must say which stage's bytes moved.</summary>
static class RecordDifference
{
    /// <summary>"run key B, expected A; differing stages: …; other fields: …", read from the two records on disk.</summary>
    public static string Explain(string expectedKey, RunRecord expected, string actualKey, string runsDirectory, string experiment = "tiny")
    {
        string path = Path.Combine(runsDirectory, experiment, actualKey + ".json");
        string where = File.Exists(path) ? StagesThatDiffer(expected, RunRecord.Read(path)) : $"no record at {path}";
        return $"run key {actualKey}, expected {expectedKey}; {where}";
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
