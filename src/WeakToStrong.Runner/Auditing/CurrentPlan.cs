using System.Text.Json.Nodes;
using WeakToStrong.Core.Plans;
using WeakToStrong.Provenance.Audit;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Identity;

namespace WeakToStrong.Runner.Auditing;

/// <summary>
/// The record's experiment as it resolves today: same experiment, scale and overrides (those the record lists in
/// `provenance.overrides`, except the scale's own, which the scale re-applies), compiled with today's code.
/// </summary>
public static class CurrentPlan
{
    public static CurrentState For(RunRecord record, string experimentsDirectory, string runsDirectory)
    {
        var code = CodeIdentity.Describe();
        var request = new ReproduceRequest
        {
            Experiment = record.Experiment,
            ExperimentsDirectory = experimentsDirectory,
            RunsDirectory = runsDirectory,
            Scale = (string?)record.Hashed["scale"],
            UseDefaultScale = false, // the record's scale, none included: today's default is not what ran
            Sets = Overrides(record.First),
        };
        try
        {
            var resolved = Reproduction.Resolve(request);
            var plan = PlanCompiler.Compile(resolved, StageCode.Current);
            var stages = plan.Stages.Select(s => new PlannedStage(s.Id, s.Kind.Name(), s.Key)).ToList();
            // With the plan, today's identity names the hash of every type its stages run, as a record's does.
            return new CurrentState(resolved.Resolved, CodeIdentity.Describe(plan), stages);
        }
        catch (UserError e)
        {
            return new CurrentState(Code: code, ManifestProblem: string.Join("; ", e.Lines));
        }
    }

    /// <summary>`path=value` for each recorded override that did not come from the scale (the value is JSON, as recorded).</summary>
    public static IReadOnlyList<string> Overrides(RunExecution execution) => execution.Overrides
        .Where(o => !o.Origin.StartsWith("scale ", StringComparison.Ordinal))
        .Select(o => $"{o.Path}={o.Value}")
        .ToList();
}
