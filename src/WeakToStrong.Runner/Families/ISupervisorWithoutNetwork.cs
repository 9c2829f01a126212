using WeakToStrong.Core.Manifests;
using WeakToStrong.Runner.Examples;

namespace WeakToStrong.Runner.Families;

/// <summary>The split a supervisor without a network labels: each has its own seeded stream.</summary>
public enum SupervisedSplit
{
    Train2,
    Test,
    Validation,
}

/// <summary>
/// A model family whose "model" is no network but a rule over ground truth (noisy-truth: the paper's App. E noise
/// case). Its family class implements this beside <see cref="IModelFamily"/>, and the weak and label stages ask
/// <see cref="ModelFactory.WithoutNetwork"/> for it: the weak stage trains nothing, it saves the rule as its model
/// output (<see cref="Save"/>) and scores the rule's test labels; the label stage computes the labels from that file
/// (<see cref="Labels"/>), in the format a network's labels have, so everything downstream is unchanged.
/// </summary>
public interface ISupervisorWithoutNetwork
{
    /// <summary>Writes the weak stage's model output to <paramref name="path"/>: everything <see cref="Labels"/> needs.</summary>
    void Save(ModelSpec spec, int seed, string path);

    /// <summary>
    /// The supervisor's labels of <paramref name="items"/> (one hard two-class distribution per item, in the split's
    /// order) by the rule saved in <paramref name="model"/>, from the items' ground truth.
    /// </summary>
    float[][] Labels(string model, ExampleSet items, SupervisedSplit split);
}
