using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Runner.Application;

/// <summary>`Runs`: past runs from their records under runs/ (the records are the index), optionally of one experiment.</summary>
partial class Build
{
    Target Runs => _ => _
        .Description("Lists past runs (key, scale, finish time, PGR by loss) from runs/<experiment>/*.json; --experiment narrows it; --table for the runs table.")
        .Executes(() =>
        {
            if (Table)
            {
                Output.Write(TableOfRuns());
                return;
            }
            var result = RunsVerb.List(RunsDirectory, Experiment);
            Output.Write(Json ? JsonRenderer.Runs(result) : TextRenderer.Runs(result));
        });
}
