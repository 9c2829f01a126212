using System.Diagnostics;
using WeakToStrong.Build.Host.Output;
using WeakToStrong.Build.Host.Planning;

namespace WeakToStrong.Build.Host.Execution;

/// <summary>Runs a plan's targets in order and records each one's status and duration; the first failure stops the build.</summary>
public static class TargetExecutor
{
    /// <summary>
    /// Checks every requirement of the targets that will run, before any runs: a missing parameter or experiment
    /// should not surface after a ten-minute compile. Throws <see cref="HostException"/> with one line.
    /// </summary>
    public static void CheckRequirements(IReadOnlyList<ExecutableTarget> targets, ExecutionPlan plan)
    {
        var byName = targets.ToDictionary(t => t.Name);
        foreach (var name in plan.Order.Where(n => !plan.Skipped.Contains(n)))
        {
            foreach (var requirement in byName[name].Requirements)
            {
                bool satisfied;
                try
                {
                    satisfied = requirement.Check();
                }
                catch (Exception e)
                {
                    throw new HostException(FailureText.Lines(e));
                }
                if (!satisfied)
                    throw new HostException(requirement.ParameterName is { } parameter
                        ? $"Target '{name}' requires parameter '--{Text.NameStyle.Kebab(parameter)}'."
                        : $"Target '{name}' requires '{requirement.Text}'.");
            }
        }
    }

    public static IReadOnlyList<TargetResult> Run(IReadOnlyList<ExecutableTarget> targets, ExecutionPlan plan, HostOutput output, Verbosity verbosity)
    {
        var byName = targets.ToDictionary(t => t.Name);
        var results = new List<TargetResult>();
        var failed = false;
        foreach (var name in plan.Order)
        {
            var target = byName[name];
            if (failed)
            {
                results.Add(new TargetResult(name, TargetStatus.NotRun, TimeSpan.Zero));
                continue;
            }
            if (plan.Skipped.Contains(name) || target.Conditions.Any(c => !c.Check()))
            {
                results.Add(new TargetResult(name, TargetStatus.Skipped, TimeSpan.Zero));
                continue;
            }

            output.TargetHeader(name);
            var clock = Stopwatch.StartNew();
            try
            {
                foreach (var action in target.Actions)
                    action().GetAwaiter().GetResult();
                results.Add(new TargetResult(name, TargetStatus.Succeeded, clock.Elapsed));
            }
            catch (Exception e)
            {
                failed = true;
                var lines = FailureText.Lines(e);
                if (lines.Count == 1)
                {
                    output.Error($"Target '{name}' failed: {lines[0]}");
                }
                else
                {
                    // Each problem keeps w2s's line unprefixed, so that a problem matcher reads every location.
                    output.Error($"Target '{name}' failed with {lines.Count} errors:");
                    foreach (var line in lines)
                        output.Error(line);
                }
                if (verbosity == Verbosity.Verbose)
                    output.Error(FailureText.Unwrap(e).ToString());
                results.Add(new TargetResult(name, TargetStatus.Failed, clock.Elapsed, string.Join(' ', lines)));
            }
        }
        return results;
    }
}
