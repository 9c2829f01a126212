using System.Text.Json.Nodes;
using WeakToStrong.Core.Plans;
using WeakToStrong.Provenance.Audit;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Stages;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Identity;

namespace WeakToStrong.Runner.Application.Status;

/// <summary>
/// `status` (DVC's `dvc status`): for the plan a `reproduce` of the same request would run, which stages are complete
/// in the store and, for each that is not, why, against the experiment's newest record: which stage parameter changed
/// (as `--set training.lr=…` does), the stage code, an input that will be recomputed, or only the store (the record's
/// stage was computed elsewhere, collected, or damaged). Runs nothing; reads the store as a run's cache lookup does.
/// </summary>
public static class StatusVerb
{
    /// <exception cref="UserError">Unknown experiment, or a manifest or override error.</exception>
    public static StatusResult Run(ReproduceRequest request, string? storeRoot)
    {
        var plan = PlanVerb.Run(request).Plan;
        string root = ContentStore.RootFrom(storeRoot);
        var newest = RunIndex.List(Path.GetFullPath(request.RunsDirectory), plan.ExperimentId).LastOrDefault(r => r.Summary is not null);
        var record = newest is null ? null : RunRecord.Read(newest.Path);
        var recorded = record?.Stages.ToDictionary(s => s.Id, StringComparer.Ordinal) ?? new Dictionary<string, RecordedStage>(StringComparer.Ordinal);
        var codeChanges = record is null ? [] : CodeChanges(record.Hashed["code"]);

        var (stored, cacheWhy) = Directory.Exists(root)
            ? StoredStages.Read(plan, new ContentStore(root))
            : ([], plan.Stages.ToDictionary(s => s.Id, _ => $"no store at {root}"));
        var stages = new List<StageStatus>();
        foreach (var stage in plan.Stages)
            stages.Add(stored.ContainsKey(stage.Id)
                ? new StageStatus(stage.Id, stage.Kind, stage.Key, true, [])
                : new StageStatus(stage.Id, stage.Kind, stage.Key, false, Reasons(stage, recorded, codeChanges, record?.Hashed["code"]?["types"] as JsonObject, stages, newest?.RunKey, cacheWhy[stage.Id])));
        return new StatusResult(plan.ExperimentId, request.Scale, root, newest?.RunKey, stages);
    }

    /// <summary>Why a stage that is not in the store would run, most specific first.</summary>
    static List<string> Reasons(Stage stage, IReadOnlyDictionary<string, RecordedStage> recorded, IReadOnlyList<string> codeChanges,
        JsonObject? recordedTypes, IReadOnlyList<StageStatus> earlier, string? recordKey, string cacheWhy)
    {
        if (recordKey is null) return [$"no record of this experiment yet ({cacheWhy})"];
        string short8 = recordKey[..8];
        if (!recorded.TryGetValue(stage.Id, out var then)) return [$"new stage: not in record {short8}"];
        if (then.Key == stage.Key)
            return [$"same key as in record {short8}, but this store lacks it ({cacheWhy})"];
        var reasons = new List<string>();
        foreach (var change in JsonPathDiff.Compare(then.Parameters, stage.Parameters))
            reasons.Add($"parameter {change.Path}: {change.Recorded ?? "(absent)"} -> {change.Current ?? "(absent)"}");
        reasons.AddRange(codeChanges);
        if (then.Code is { } code && code != stage.Code)
            reasons.Add(ChangedCode(stage, recordedTypes));
        // A stage's key folds in its inputs' keys: an input whose key moved moves this one (DVC: "changed deps").
        foreach (var dependency in stage.DependsOn.Where(d => then.Inputs.GetValueOrDefault(d) != KeyOf(earlier, d)))
            reasons.Add($"input {dependency} changed");
        if (reasons.Count == 0) reasons.Add($"key differs from record {short8}'s for a reason not shown here ({cacheWhy})");
        return reasons;
    }

    /// <summary>"code: T1, T2 changed": the types of the stage's closure whose token hash differs from the record's.</summary>
    static string ChangedCode(Stage stage, JsonObject? recordedTypes)
    {
        var changed = CodeContent.Closure(StageCode.Roots(stage.Kind, stage.Parameters))
            .Where(t => (string?)recordedTypes?[t.Type] != t.Hash)
            .Select(t => t.Type[(t.Type.IndexOf('!') + 1)..] + (recordedTypes?.ContainsKey(t.Type) == true ? "" : " (new)"))
            .ToList();
        return changed.Count == 0 ? "code changed (a type it ran is gone)"
            : "code changed: " + string.Join(", ", changed.Take(5)) + (changed.Count > 5 ? $" and {changed.Count - 5} more" : "");
    }

    static string? KeyOf(IReadOnlyList<StageStatus> stages, string id) => stages.FirstOrDefault(s => s.Id == id)?.Key;

    /// <summary>The parts of the code identity (what stage keys fold in) that differ from <paramref name="recorded"/>'s.</summary>
    static List<string> CodeChanges(JsonNode? recorded)
    {
        var now = CodeIdentity.Describe();
        return new[] { "stages", "weakToStrong", "torchSharp", "libTorch" }
            .Where(part => (string?)recorded?[part] != (string?)now[part])
            .Select(part => $"code {part}: {(string?)recorded?[part] ?? "(absent)"} -> {(string?)now[part]}")
            .ToList();
    }
}
