using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Resolution;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Identity;
using WeakToStrong.Runner.Execution;

namespace WeakToStrong.Runner;

/// <summary>Assembles a run record from what ran: what is hashed (identity of the result) and what is not (how it ran).</summary>
public static class RecordBuilder
{
    public static RunRecord Build(ReproduceRequest request, ResolvedManifest resolved, Plan plan,
        IReadOnlyList<ExecutedStage> executed, int threads, DateTimeOffset started, TimeSpan elapsed, string storeRoot, ExecutorInfo executor)
    {
        var stages = new JsonArray(executed.Select(e => (JsonNode)new JsonObject
        {
            ["id"] = e.Stage.Id,
            ["kind"] = e.Output.Kind,
            ["key"] = e.Stage.Key,
            ["code"] = e.Stage.Code,
            ["parameters"] = e.Stage.Parameters.DeepClone(),
            ["inputs"] = new JsonObject(e.Stage.DependsOn.Select(d => KeyValuePair.Create(d, (JsonNode?)JsonValue.Create(executed.First(x => x.Stage.Id == d).Stage.Key)))),
            ["outputs"] = new JsonObject(e.Output.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal)
                .Select(o => KeyValuePair.Create(o.Key, (JsonNode?)JsonValue.Create(o.Value.ToString())))),
            ["metrics"] = e.Output.Metrics.DeepClone(),
        }).ToArray());
        var evaluate = executed.Single(e => e.Stage.Kind == StageKind.Evaluate).Output.Metrics;
        var hashed = new JsonObject
        {
            ["experiment"] = plan.ExperimentId,
            ["scale"] = plan.Scale,
            ["manifestHash"] = ContentKey.Of(resolved.Resolved),
            ["manifest"] = resolved.Resolved.DeepClone(),
            ["seeds"] = resolved.Resolved["seeds"]?.DeepClone(),
            ["code"] = CodeIdentity.Describe(plan),
            ["stages"] = stages,
            ["metrics"] = new JsonObject { ["summary"] = evaluate["summary"]?.DeepClone() },
        };
        var execution = HostProvenance.Describe(RepositoryRoot(request.ExperimentsDirectory), threads, request.Device, request.CommandLine) with
        {
            Store = storeRoot, // where the artifacts live: Audit looks there by default
            Executor = executor,
            Name = request.Name,
            Tags = request.Tags.Count > 0 ? request.Tags.Distinct(StringComparer.Ordinal).ToList() : null,
            StartedAt = started.ToString("O"),
            FinishedAt = started.Add(elapsed).ToString("O"),
            Seconds = Math.Round(elapsed.TotalSeconds, 2),
            Overrides = resolved.Applied.Select(a => new RecordedOverride(a.Path, a.Value, a.Origin)).ToList(),
            Stages = executed.Select(e => new StageExecution(e.Stage.Id, e.Cached, Math.Round(e.Elapsed.TotalSeconds, 2), e.Timing.DeepClone().AsObject())).ToList(),
        };
        return new RunRecord(hashed, execution);
    }

    static string RepositoryRoot(string experimentsDirectory) => Path.GetDirectoryName(Path.GetFullPath(experimentsDirectory))!;
}
