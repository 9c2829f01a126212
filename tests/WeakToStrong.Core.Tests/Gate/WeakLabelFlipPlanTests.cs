using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Resolution;
using WeakToStrong.Core.Stages;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Gate;

/// <summary>The gate's sabotage is a manifest value like any other: hashed into exactly the stages that read it.</summary>
public class WeakLabelFlipPlanTests
{
    static Plan Compile(params string[] set)
    {
        var loaded = ManifestLoader.Load(File.ReadAllText(RepoPaths.SampleManifest), "x.json", TaskCatalog.Default);
        var resolved = ManifestResolver.Resolve(loaded.Syntax!, null, [OverrideLayer.FromCommandLine(set)], TaskCatalog.Default);
        Assert.True(resolved.Success, string.Join("\n", resolved.Diagnostics));
        return PlanCompiler.Compile(resolved, "code-v1");
    }

    [Fact]
    public void Flipping_weak_labels_changes_the_label_transfer_and_evaluate_keys_and_nothing_upstream()
    {
        var honest = Compile();
        var sabotaged = Compile("weakLabelFlip=0.2");
        var changed = honest.Stages.Zip(sabotaged.Stages).Where(z => z.First.Key != z.Second.Key).Select(z => z.First.Kind).Distinct().Order();
        Assert.Equal([StageKind.Label, StageKind.Transfer, StageKind.Evaluate], changed);
        var label = sabotaged.Stages.First(s => s.Kind == StageKind.Label).Read<LabelParameters>();
        Assert.Equal(0.2, label.Flip);
    }

    [Fact]
    public void No_flip_and_a_flip_of_zero_leave_the_label_parameters_without_the_field_so_old_keys_stand()
    {
        foreach (var plan in new[] { Compile(), Compile("weakLabelFlip=0") })
        {
            var label = plan.Stages.First(s => s.Kind == StageKind.Label);
            Assert.Null(label.Read<LabelParameters>().Flip);
            Assert.DoesNotContain("flip", label.Parameters.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(Compile().Stages.Select(s => s.Key), Compile("weakLabelFlip=0").Stages.Select(s => s.Key));
    }

    [Fact]
    public void A_flip_outside_zero_to_one_is_refused_with_its_location()
    {
        var loaded = ManifestLoader.Load(File.ReadAllText(RepoPaths.SampleManifest), "x.json", TaskCatalog.Default);
        var resolved = ManifestResolver.Resolve(loaded.Syntax!, null, [OverrideLayer.FromCommandLine(["weakLabelFlip=1.5"])], TaskCatalog.Default);
        Assert.False(resolved.Success);
        Assert.Contains(resolved.Diagnostics, d => d.ToString().Contains("weakLabelFlip"));
    }
}
