using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Stages;
using WeakToStrong.Runner.Tests.Application;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Identity;
using Xunit.Abstractions;

namespace WeakToStrong.Runner.Tests.Identity;

/// <summary>
/// What each stage's code hash covers (Runner/Identity/StageCode.cs), read from the closures the generator's tables
/// give for the bundled experiments' stages: the loss a stage trains with is in it and the other losses are not,
/// data stages hold no training code, and no stage reaches reports, the CLI or the application verbs.
/// </summary>
public class StageCodeClosureTests(ITestOutputHelper output)
{
    static readonly ExperimentCatalog Catalog = new(Path.Combine(FrontEnds.RepositoryRoot, "experiments"));

    static IEnumerable<Stage> Stages(string experiment) =>
        PlanCompiler.Compile(Catalog.Resolve(experiment, null, []), StageCode.Current).Stages;

    static List<string> Closure(Stage stage) =>
        CodeContent.Closure(StageCode.Roots(stage.Kind, stage.Parameters)).Select(c => c.Type).ToList();

    const string Xent = "WeakToStrong.Training!WeakToStrong.Training.Losses.XentLoss";
    const string LogConf = "WeakToStrong.Training!WeakToStrong.Training.Losses.LogConfidenceLoss";

    [Fact]
    public void A_loss_class_is_in_the_code_of_the_stages_trained_with_it_and_of_no_other()
    {
        var stages = Stages("brown-genre").ToList();
        var weak = stages.First(s => s.Kind == StageKind.Weak && s.Id.Contains("w64"));
        var logconf = stages.First(s => s.Kind == StageKind.Transfer && s.Id.Contains("logconf"));
        var xent = stages.First(s => s.Kind == StageKind.Transfer && s.Id.Contains("xent"));

        Assert.Contains(Xent, Closure(weak));
        Assert.DoesNotContain(LogConf, Closure(weak));
        Assert.Contains(LogConf, Closure(logconf));
        Assert.DoesNotContain(LogConf, Closure(xent));
        Assert.NotEqual(logconf.Code, xent.Code);
        foreach (var s in new[] { weak, logconf, xent })
            output.WriteLine($"{s.Id}: {Closure(s).Count} types, code {s.Code[..12]}");
    }

    [Fact]
    public void Data_stages_run_no_training_code_and_no_stage_runs_reports_the_cli_or_the_verbs()
    {
        foreach (string experiment in Catalog.Ids())
            foreach (var stage in Stages(experiment).DistinctBy(s => s.Code))
            {
                var closure = Closure(stage);
                Assert.DoesNotContain(closure, t => t.StartsWith("WeakToStrong.Reports!", StringComparison.Ordinal)
                    || t.StartsWith("WeakToStrong.Cli!", StringComparison.Ordinal)
                    || t.Contains("!WeakToStrong.Runner.Application.", StringComparison.Ordinal));
                if (stage.Kind == StageKind.Data)
                    Assert.DoesNotContain(closure, t => t.StartsWith("WeakToStrong.Training!", StringComparison.Ordinal));
                output.WriteLine($"{experiment} {stage.Id}: {closure.Count} types");
            }
    }

    [Fact]
    public void Stages_of_one_kind_and_parameters_share_their_code_and_the_label_is_the_hand_kept_version_with_the_libraries()
    {
        var stages = Stages("brown-genre").ToList();
        var weakSeeds = stages.Where(s => s.Kind == StageKind.Weak && s.Id.Contains("w64")).ToList();
        Assert.True(weakSeeds.Count > 1);
        Assert.Single(weakSeeds.Select(s => s.Code).Distinct());
        Assert.StartsWith(CodeIdentity.StageCodeVersion + ";", StageCode.Current.Label);
        Assert.All(stages, s => Assert.Matches("^[0-9a-f]{64}$", s.Code));
    }
}
