using System.Text.Json.Nodes;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Runner.Examples;
using WeakToStrong.Runner.Stages;
using WeakToStrong.Training.Models;

namespace WeakToStrong.Runner.Families;

/// <summary>
/// The easy-to-correct control supervisor (issue 25; the paper's App. E noise case): ground truth as hard one-hot
/// labels with a seeded random subset of exactly round(f·n) of a split's n items flipped, size <c>flip{f}</c>
/// (<see cref="FlipFraction"/>). No network: its weak stage saves {family, fraction, seed} as its model output and its
/// label stage flips from that. Each split (train2, test, validation) draws its items from its own stream of the run
/// seed (<see cref="WeakLabelFlip"/>'s partial Fisher–Yates shuffle), so its test accuracy is exactly 1 − round(f·n)/n,
/// and so is its train2 labels' accuracy. Either setting: a preference's truth is flipped like a class's.
/// </summary>
[Family(ModelFamily.NoisyTruth)]
public sealed class NoisyTruthFamily : IModelFamily, ISupervisorWithoutNetwork
{
    const string Name = "noisy-truth";

    /// <summary>Mixed into the run seed per split (distinct from each other and from the sabotage flip's stream).</summary>
    static int Stream(SupervisedSplit split) => split switch
    {
        SupervisedSplit.Train2 => 0x7E1A1,
        SupervisedSplit.Test => 0x7E1A2,
        SupervisedSplit.Validation => 0x7E1A3,
        _ => throw new ArgumentOutOfRangeException(nameof(split)),
    };

    public ISequenceClassifier Classifier(ModelSpec spec, long seed, int maxCtx, string? pretrainedBody) => throw NoNetwork();

    public ISequenceClassifier RewardModel(ModelSpec spec, long seed, int maxCtx, string? pretrainedBody) => throw NoNetwork();

    public ITextEncoder Encoder(ModelSpec spec, int maxCtx) => throw NoNetwork();

    static InvalidOperationException NoNetwork() =>
        new($"a {Name} model is no network (flipped ground truth): it only supervises, through its weak and label stages");

    public void Save(ModelSpec spec, int seed, string path)
    {
        var flip = FlipFraction.Of(spec.Size);
        File.WriteAllText(path, new JsonObject { ["family"] = Name, ["fraction"] = flip.Fraction, ["seed"] = seed }.ToJsonString() + "\n");
    }

    public float[][] Labels(string model, ExampleSet items, SupervisedSplit split)
    {
        var saved = JsonNode.Parse(File.ReadAllText(model))?.AsObject()
            ?? throw new InvalidDataException($"{model}: not a {Name} model");
        if ((string?)saved["family"] != Name)
            throw new InvalidDataException($"{model}: not a {Name} model (family {saved["family"]?.ToJsonString() ?? "missing"})");
        var flip = new FlipFraction((double)saved["fraction"]!);
        int seed = (int)saved["seed"]!;
        var flipped = Flipped(items.Count, flip, seed, split);
        return [.. Enumerable.Range(0, items.Count).Select(i =>
        {
            var truth = items.Truth(i);
            return flipped.Contains(i) ? new[] { truth[1], truth[0] } : truth;
        })];
    }

    /// <summary>The items of a split of <paramref name="count"/> that are flipped: exactly <see cref="FlipFraction.FlippedOf"/>.</summary>
    public static IReadOnlySet<int> Flipped(int count, FlipFraction flip, int seed, SupervisedSplit split)
    {
        var items = WeakLabelFlip.Items(count, flip.Fraction, seed ^ Stream(split));
        if (items.Count != flip.FlippedOf(count))
            throw new InvalidOperationException($"{Name}: {items.Count} of {count} items drawn, {flip.FlippedOf(count)} asked");
        return items;
    }
}
