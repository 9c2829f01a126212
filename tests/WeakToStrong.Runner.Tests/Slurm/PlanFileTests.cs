using System.Text.Json.Nodes;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Stages;
using WeakToStrong.Runner.Tests.Runner;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Executors;
using WeakToStrong.Runner.Executors.Slurm;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Identity;

namespace WeakToStrong.Runner.Tests.Slurm;

/// <summary>The plan file a stage job reads: the same plan back, keys re-checked, another build's plan refused.</summary>
public class PlanFileTests
{
    static Plan TinyPlan(TinyExperiment experiment)
    {
        var resolved = Reproduction.Resolve(new ReproduceRequest
        {
            Experiment = "tiny", ExperimentsDirectory = experiment.ExperimentsDirectory, RunsDirectory = experiment.RunsDirectory,
        });
        return PlanCompiler.Compile(resolved, StageCode.Current);
    }

    [Fact]
    public void A_plan_file_reads_back_as_the_same_stages_and_keys()
    {
        using var experiment = new TinyExperiment();
        var plan = TinyPlan(experiment);
        string path = PlanFile.Write(experiment.NewStore(), plan);

        var read = PlanFile.Read(path, StageCode.Current);

        Assert.Equal(plan.ToJson().ToJsonString(), read.ToJson().ToJsonString());
        Assert.Equal(plan.Stages.Select(s => (s.Id, s.Key)), read.Stages.Select(s => (s.Id, s.Key)));
    }

    [Fact]
    public void A_plan_whose_parameters_were_edited_is_refused_naming_the_stage()
    {
        using var experiment = new TinyExperiment();
        var json = TinyPlan(experiment).ToJson();
        var weak = json["stages"]!.AsArray().Single(s => (string)s!["id"]! == "weak/weak/s0")!;
        weak["parameters"]!["seed"] = 7;
        string path = Path.Combine(experiment.Root, "edited.json");
        File.WriteAllText(path, json.ToJsonString());

        var e = Assert.Throws<UserError>(() => PlanFile.Read(path, StageCode.Current));

        Assert.StartsWith($"stage run: cannot read plan {path}: stage weak/weak/s0: key {(string)weak["key"]!} does not match its content (", e.Message);
    }

    [Fact]
    public void A_plan_compiled_by_other_stage_code_is_refused()
    {
        using var experiment = new TinyExperiment();
        var plan = TinyPlan(experiment);
        string path = PlanFile.Write(experiment.NewStore(), plan);

        var e = Assert.Throws<UserError>(() => PlanFile.Read(path, IStageCode.Uniform("w2s-stages/0;other")));

        Assert.Equal($"stage run: plan {path} was compiled for code '{plan.CodeVersion}', this is 'w2s-stages/0;other': install the submitter's build on the nodes", e.Message);
    }

    /// <summary>A node whose build has the same version label but other transfer code (an edited loss, say).</summary>
    sealed class OtherTransferCode : IStageCode
    {
        public string Label => StageCode.Current.Label;
        public string Of(StageKind kind, JsonObject parameters) =>
            kind == StageKind.Transfer ? new string('0', 64) : StageCode.Current.Of(kind, parameters);
    }

    [Fact]
    public void A_plan_compiled_by_a_build_whose_code_differs_for_one_stage_kind_is_refused_naming_its_first_stage()
    {
        using var experiment = new TinyExperiment();
        var plan = TinyPlan(experiment);
        string path = PlanFile.Write(experiment.NewStore(), plan);
        var transfer = plan.Stages.First(s => s.Kind == StageKind.Transfer);

        var e = Assert.Throws<UserError>(() => PlanFile.Read(path, new OtherTransferCode()));

        Assert.Equal($"stage run: plan {path} was compiled by other code than this build's for stage {transfer.Id} (code {transfer.Code[..12]}, this build's 000000000000): install the submitter's build on the nodes", e.Message);
    }
}
