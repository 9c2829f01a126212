using System.Text.Json.Nodes;

namespace WeakToStrong.Runner.Application.Gc;

/// <summary>`gc` as one line of text, or as JSON.</summary>
public static class GcText
{
    public static string Text(GcResult r) =>
        $"gc: {r.Records} records under {r.RunsDirectory} keep {r.ObjectsKept} objects ({Bytes(r.BytesKept)}) and {r.EntriesKept} stage entries; "
        + $"{(r.DryRun ? "would remove" : "removed")} {r.ObjectsRemoved} objects ({Bytes(r.BytesFreed)}) and {r.EntriesRemoved} stage entries"
        + (r.ResumeStatesRemoved > 0 ? $", and {r.ResumeStatesRemoved} killed training stages' saved states ({Bytes(r.ResumeBytesFreed)})" : "")
        + $" from {r.StoreRoot}\n";

    public static string Json(GcResult r) => JsonRenderer.Format(new JsonObject
    {
        ["store"] = r.StoreRoot,
        ["runsDirectory"] = r.RunsDirectory,
        ["records"] = r.Records,
        ["dryRun"] = r.DryRun,
        ["kept"] = new JsonObject { ["objects"] = r.ObjectsKept, ["bytes"] = r.BytesKept, ["stageEntries"] = r.EntriesKept },
        ["removed"] = new JsonObject
        {
            ["objects"] = r.ObjectsRemoved, ["bytes"] = r.BytesFreed, ["stageEntries"] = r.EntriesRemoved,
            ["resumeStates"] = r.ResumeStatesRemoved, ["resumeBytes"] = r.ResumeBytesFreed,
        },
    });

    static string Bytes(long n) => n switch
    {
        >= 1L << 30 => $"{n / (double)(1L << 30):F1} GiB",
        >= 1L << 20 => $"{n / (double)(1L << 20):F1} MiB",
        >= 1L << 10 => $"{n / 1024.0:F1} KiB",
        _ => $"{n} B",
    };
}
