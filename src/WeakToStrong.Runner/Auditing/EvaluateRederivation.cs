using System.Text.Json.Nodes;
using WeakToStrong.Core.Plans;
using WeakToStrong.Provenance.Audit;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Stages;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Identity;
using WeakToStrong.Runner.Stages;

namespace WeakToStrong.Runner.Auditing;

/// <summary>
/// The audit's check that the numbers add up: the evaluate stage's document (every accuracy, PGR, interval and flag
/// the record shows) is derived again, by today's evaluate code, from the stage metrics the record states, and must
/// equal what the record says the evaluate stage computed. A record whose per-stage accuracies were edited (with its
/// stage cache entries rewritten to match) then disagrees with its own summary, which the content-addressed `pgr`
/// output pins (<see cref="MetricAudit"/>). Only where the evaluate code is the record's: other code may summarise
/// differently, and that is not a forgery.
/// </summary>
public static class EvaluateRederivation
{
    public const string Source = "a re-derivation from the recorded stage metrics";

    public static (IReadOnlyList<MetricMismatch> Mismatches, MetricsUnchecked? Unchecked) Check(RunRecord record, ContentStore store)
    {
        var stages = record.Stages;
        if (stages.FirstOrDefault(s => s.Kind == "evaluate") is not { } evaluate) return ([], null);
        if (evaluate.Code is null || evaluate.Code != StageCode.Current.Of(StageKind.Evaluate, evaluate.Parameters))
            return ([], new MetricsUnchecked(evaluate.Id, "not derived again from the stage metrics: the evaluate code is not the record's"));

        var done = stages.ToDictionary(s => s.Id, s => new ExecutedStage(
            new Stage(s.Id, Enum.Parse<StageKind>(s.Kind, ignoreCase: true), s.Parameters, [.. s.Inputs.Keys], s.Key) { Code = s.Code ?? "" },
            new StageOutput(s.Key, s.Kind, s.Outputs, s.Metrics), Cached: true, TimeSpan.Zero, []), StringComparer.Ordinal);
        string work = Directory.CreateTempSubdirectory("w2s-audit-evaluate-").FullName;
        try
        {
            var derived = Evaluation.Evaluate(done[evaluate.Id].Stage, new StageInputs(store, done), work).Metrics;
            var mismatches = JsonPathDiff.Compare(evaluate.Metrics, derived)
                .Select(c => new MetricMismatch(evaluate.Id, Source, c.Path == "$" ? "metrics" : $"metrics.{c.Path}", c.Recorded, c.Current))
                .ToList();
            return (mismatches, null);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
