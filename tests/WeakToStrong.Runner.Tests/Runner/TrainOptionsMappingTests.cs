using WeakToStrong.Core.Manifests;
using WeakToStrong.Runner.Stages;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>
/// Every field of a stage's training settings reaches the trainer's options, except the three that other code reads
/// by design: so a new <see cref="TrainingSpec"/> field cannot be hashed into keys and never trained with.
/// </summary>
public class TrainOptionsMappingTests
{
    /// <summary>Read elsewhere: maxCtx by the model's encoder, ceilingSplit by the plan (which split the ceiling trains
    /// on), earlyStopping by the stage's evaluation.</summary>
    static readonly string[] ReadElsewhere = [nameof(TrainingSpec.MaxCtx), nameof(TrainingSpec.CeilingSplit), nameof(TrainingSpec.EarlyStopping)];

    /// <summary>Every field but those, and but a one-member enum (optimizer: adam), which has no other value to change
    /// to (<see cref="The_optimiser_reaches_the_trainer"/> checks it).</summary>
    public static TheoryData<string> TrainerFields() =>
        [.. typeof(TrainingSpec).GetProperties()
            .Where(p => !(p.PropertyType.IsEnum && Enum.GetNames(p.PropertyType).Length == 1))
            .Select(p => p.Name).Where(n => !ReadElsewhere.Contains(n))];

    [Theory, MemberData(nameof(TrainerFields))]
    public void A_change_to_each_training_field_changes_the_trainers_options(string name)
    {
        var spec = new TrainingSpec { BatchSize = 32, MinibatchSize = 32 };
        var property = typeof(TrainingSpec).GetProperty(name)!;
        var changed = spec with { };
        property.SetValue(changed, OtherThan(property.GetValue(spec)!));

        Assert.NotEqual(TrainOptionsMapping.Options(spec, seed: 3, "cpu"), TrainOptionsMapping.Options(changed, seed: 3, "cpu"));
    }

    [Fact]
    public void The_optimiser_reaches_the_trainer() =>
        Assert.Equal(Optimizer.Adam, TrainOptionsMapping.Options(new TrainingSpec { Optimizer = Optimizer.Adam }, seed: 0, "cpu").Optimizer);

    [Fact]
    public void The_settings_read_elsewhere_are_still_training_fields() =>
        Assert.All(ReadElsewhere, n => Assert.NotNull(typeof(TrainingSpec).GetProperty(n)));

    static object OtherThan(object value) => value switch
    {
        int i => i == 32 ? 16 : i + 1, // batch and minibatch: the mapping caps minibatch at batch, so go down
        double d => d * 2,
        Enum e => Enum.GetValues(e.GetType()).Cast<object>().First(v => !v.Equals(e)),
        _ => throw new NotSupportedException($"no other value for a {value.GetType().Name}: extend the test with the new field's type"),
    };
}
