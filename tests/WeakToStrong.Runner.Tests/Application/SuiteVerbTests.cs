using WeakToStrong.Runner;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>`suite` with a stand-in for the reproduce verb: its order, its progress lines, how it goes on past a failure. Nothing trains.</summary>
public sealed class SuiteVerbTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("w2s-suite-").FullName;
    string Experiments => Path.Combine(root, "experiments");
    readonly List<ReproduceRequest> calls = [];
    readonly InfoLines progress = new();

    /// <summary>A catalog of four manifests: the suite only lists and checks ids, and the stand-in step never reads them.</summary>
    public SuiteVerbTests()
    {
        Directory.CreateDirectory(Experiments);
        foreach (var id in new[] { "gamma", "alpha", "delta", "beta" }) File.WriteAllText(Path.Combine(Experiments, id + ".json"), "{}");
        File.WriteAllText(Path.Combine(Experiments, "manifest.schema.json"), "{}");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    SuiteRequest Request(params string[] experiments) => new()
    {
        Template = new ReproduceRequest
        {
            Experiment = "", ExperimentsDirectory = Experiments, RunsDirectory = Path.Combine(root, "runs"), Scale = "smoke",
        },
        Experiments = experiments,
        ResultsPath = Path.Combine(root, "docs", "results.md"),
    };

    /// <summary>Finishes every experiment but <paramref name="failing"/>, which fails as a stage does.</summary>
    ReproduceStep Fake(string? failing = null) => (request, _, _) =>
    {
        calls.Add(request);
        if (request.Experiment == failing) throw new InvalidOperationException($"stage weak/w/s0 failed:\nout of memory");
        return Task.FromResult(new ReproduceResult("key-" + request.Experiment, "", []));
    };

    [Fact]
    public async Task Every_experiment_of_the_catalog_runs_in_sorted_order_with_the_templates_settings()
    {
        var result = await SuiteVerb.RunAsync(Request(), progress, Fake());

        Assert.Equal(["alpha", "beta", "delta", "gamma"], calls.Select(c => c.Experiment));
        Assert.All(calls, c => Assert.Equal(("smoke", Path.Combine(root, "runs")), (c.Scale, c.RunsDirectory)));
        Assert.True(result.Succeeded);
        Assert.Equal(["suite 1/4: alpha", "suite 2/4: beta", "suite 3/4: delta", "suite 4/4: gamma",
            $"suite: results from {Path.Combine(root, "runs")}"], progress.Lines);
        Assert.True(File.Exists(Path.Combine(root, "docs", "results.md")));
    }

    [Fact]
    public async Task A_failing_experiment_is_reported_and_the_suite_goes_on_then_fails()
    {
        var result = await SuiteVerb.RunAsync(Request("gamma,beta", "alpha"), progress, Fake(failing: "beta"));

        Assert.Equal(["gamma", "beta", "alpha"], calls.Select(c => c.Experiment));
        Assert.False(result.Succeeded);
        Assert.Equal(new SuiteStep("beta", null, "stage weak/w/s0 failed: out of memory"), result.Steps[1] with { Elapsed = default });
        Assert.Contains("suite 2/3: beta failed: stage weak/w/s0 failed: out of memory", progress.Lines);
        Assert.Equal($"""
            suite: 3 experiment(s), 2 finished, 1 failed, 0:00 wall
              1/3 gamma      0:00  run key-gamma
              2/3 beta       0:00  FAILED: stage weak/w/s0 failed: out of memory
              3/3 alpha      0:00  run key-alpha
            results: 0 task(s) from 0 record(s) -> {Path.Combine(root, "docs", "results.md")}

            """.ReplaceLineEndings("\n"), TextRenderer.Suite(result));
    }

    [Fact]
    public void Wall_times_show_hours_only_when_there_are_any()
    {
        Assert.Equal(("7:32", "1:02:05", "0:00"),
            (ResultsText.Wall(new TimeSpan(0, 7, 32)), ResultsText.Wall(new TimeSpan(1, 2, 5)), ResultsText.Wall(TimeSpan.FromMilliseconds(400))));
    }

    [Fact]
    public void The_chosen_experiments_keep_their_order_once_each_and_an_unknown_one_fails_before_anything_runs()
    {
        Assert.Equal(["gamma", "alpha"], SuiteVerb.Plan(Request("gamma, alpha", "gamma")));
        Assert.Equal(["gamma", "alpha"], SuiteVerb.Plan(Request("gamma alpha")));

        var e = Assert.Throws<UserError>(() => SuiteVerb.Plan(Request("gamma,alpah")));
        Assert.Contains("Unknown experiment 'alpah'. Did you mean 'alpha'? Available: alpha, beta, delta, gamma.", e.Message);
    }

    [Fact]
    public async Task Cancelling_stops_the_suite_rather_than_counting_as_a_failure()
    {
        ReproduceStep cancelled = (_, _, _) => throw new OperationCanceledException();

        await Assert.ThrowsAsync<OperationCanceledException>(() => SuiteVerb.RunAsync(Request("alpha", "beta"), progress, cancelled));
    }

    sealed class InfoLines : IRunProgress
    {
        public List<string> Lines { get; } = [];
        public void StageStarted(string stageId, string kind, int index, int total) { }
        public void StageCached(string stageId, string kind, int index, int total) { }
        public void StageStep(string stageId, int step, int totalSteps, double loss, double tokensPerSecond) { }
        public void StageFinished(string stageId, TimeSpan elapsed, string summary) { }
        public void Info(string message) => Lines.Add(message);
    }
}
