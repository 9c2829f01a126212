using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Plans;

/// <summary>
/// Every per-model training override (<see cref="TrainingOverrides"/>) reaches the model's effective training settings,
/// which are what its stages hash and run: a field added to the overrides but forgotten in
/// <see cref="PlanCompiler.EffectiveTraining"/> would otherwise be accepted and silently ignored.
/// </summary>
public class TrainingOverrideTests
{
    /// <summary>Every override but a one-member enum (optimizer: adam), which has no other value to override with.</summary>
    public static TheoryData<string> OverrideNames() =>
    [
        .. typeof(TrainingOverrides).GetProperties()
            .Where(p => Nullable.GetUnderlyingType(p.PropertyType) is not { IsEnum: true } e || Enum.GetNames(e).Length > 1)
            .Select(p => p.Name),
    ];

    [Theory, MemberData(nameof(OverrideNames))]
    public void A_models_override_of_each_training_field_is_in_its_effective_training(string name)
    {
        var manifest = ManifestLoader.Load(File.ReadAllText(RepoPaths.SampleManifest), "nlp-definitions.json", TaskCatalog.Default).Manifest!;
        string model = manifest.Models.Keys.First();
        var shared = manifest.Training;
        var spec = typeof(TrainingSpec).GetProperty(name)
            ?? throw new InvalidOperationException($"TrainingOverrides.{name} has no TrainingSpec field of that name to override");
        object other = OtherThan(spec.GetValue(shared)!);

        var overrides = new TrainingOverrides();
        typeof(TrainingOverrides).GetProperty(name)!.SetValue(overrides, other);
        var withOverride = manifest with { Models = new Dictionary<string, ModelSpec>(manifest.Models) { [model] = manifest.Models[model] with { Training = overrides } } };

        var effective = PlanCompiler.EffectiveTraining(withOverride, model);
        Assert.Equal(other, spec.GetValue(effective));
        Assert.NotEqual(spec.GetValue(shared), spec.GetValue(effective));
    }

    /// <summary>A valid value that differs from <paramref name="value"/>.</summary>
    static object OtherThan(object value) => value switch
    {
        int i => i + 1,
        double d => d * 2,
        Enum e => Enum.GetValues(e.GetType()).Cast<object>().First(v => !v.Equals(e)),
        _ => throw new NotSupportedException($"no other value for a {value.GetType().Name}: extend the test with the new field's type"),
    };
}
