using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Application;

/// <summary>What `suite` is asked for: which experiments (none: every bundled one), how to run each, where the results go.</summary>
public sealed record SuiteRequest
{
    /// <summary>Every experiment's request but its id: scale, device, store, threads, folders, command line.</summary>
    public required ReproduceRequest Template { get; init; }

    /// <summary>In the order given; empty means every manifest of the catalog, sorted. "a,b" and "a b" both name two.</summary>
    public IReadOnlyList<string> Experiments { get; init; } = [];

    /// <summary>Where `results` writes the Markdown at the end (docs/results.md).</summary>
    public required string ResultsPath { get; init; }
}

/// <summary>One experiment of the suite: its run key when it finished, else the one line it failed with, and its wall time.</summary>
public sealed record SuiteStep(string Experiment, string? RunKey, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>Wall time of this experiment's reproduce (stages from the store included); the suite's time is their sum.</summary>
    public TimeSpan Elapsed { get; init; }
}

public sealed record SuiteResult(IReadOnlyList<SuiteStep> Steps, ResultsResult Results)
{
    public bool Succeeded => Steps.All(s => s.Succeeded);
}

/// <summary>How the suite runs one experiment: <see cref="ReproduceVerb.RunAsync"/>, or a stand-in in tests.</summary>
public delegate Task<ReproduceResult> ReproduceStep(ReproduceRequest request, IRunProgress progress, CancellationToken ct);

/// <summary>
/// `suite`: every chosen experiment in turn through the reproduce verb (each resumes from the content store, so a
/// rerun continues where the last stopped), then `results`. An experiment that fails is reported and the next one
/// runs; <see cref="SuiteResult.Succeeded"/> says whether all finished, which is the front-ends' exit status.
/// </summary>
public static class SuiteVerb
{
    /// <summary>The experiments the suite will run, in order; an unknown id is the catalog's one line, before anything runs.</summary>
    /// <exception cref="UserError">An id names no manifest.</exception>
    public static IReadOnlyList<string> Plan(SuiteRequest request)
    {
        var catalog = new ExperimentCatalog(request.Template.ExperimentsDirectory);
        var chosen = catalog.Chosen(request.Experiments);
        return chosen.Count > 0 ? chosen : catalog.Ids();
    }

    public static async Task<SuiteResult> RunAsync(SuiteRequest request, IRunProgress progress, ReproduceStep? reproduce = null,
        CancellationToken ct = default)
    {
        reproduce ??= ReproduceVerb.RunAsync;
        var ids = Plan(request);
        var steps = new List<SuiteStep>();
        for (int i = 0; i < ids.Count; i++)
        {
            string at = $"suite {i + 1}/{ids.Count}: {ids[i]}";
            progress.Info(at);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                var result = await reproduce(request.Template with { Experiment = ids[i] }, progress, ct);
                steps.Add(new SuiteStep(ids[i], result.RunKey, null) { Elapsed = clock.Elapsed });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Reported and skipped: its finished stages stay cached, so the next suite resumes it.
                string error = e.Message.ReplaceLineEndings(" ");
                progress.Info($"{at} failed: {error}");
                steps.Add(new SuiteStep(ids[i], null, error) { Elapsed = clock.Elapsed });
            }
        }
        progress.Info($"suite: results from {request.Template.RunsDirectory}");
        var results = ResultsVerb.Run(new ResultsRequest
        {
            RunsDirectory = request.Template.RunsDirectory, OutputPath = request.ResultsPath, Scale = request.Template.Scale,
        });
        return new SuiteResult(steps, results);
    }
}
