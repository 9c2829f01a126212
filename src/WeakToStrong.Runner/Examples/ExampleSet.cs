using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Formats;
using WeakToStrong.Training.Models;

namespace WeakToStrong.Runner.Examples;

/// <summary>
/// A split's items as every training, labelling and evaluating stage consumes them, whatever the setting: one
/// token-id example per item, a two-way target per example (ground truth one-hot, or a supervisor's soft label),
/// and the items written back with a supervisor's predictions attached. So each stage has one code path; only
/// this encoding knows whether an item is a text to classify or a preference pair.
/// </summary>
public abstract class ExampleSet
{
    public abstract Setting Setting { get; }

    public abstract int Count { get; }

    public abstract string IdOf(int index);

    /// <summary>Token ids for one model, one array per item (a packed pair for a reward model).</summary>
    public abstract int[][] Encode(ITextEncoder encoder, int maxCtx);

    /// <summary>Ground truth as a distribution over the two outputs (the reference feeds hard labels as one-hot).</summary>
    public abstract float[] Truth(int index);

    /// <summary>A supervisor's soft label over the two outputs, or null when the item carries none.</summary>
    public abstract float[]? SupervisorLabel(int index);

    /// <summary>What a model trains on: the supervisor's label when there is one, else ground truth.</summary>
    public float[] Target(int index) => SupervisorLabel(index) ?? Truth(index);

    /// <summary>These items as JSONL with a model's predicted probabilities (one row per item) as their soft labels.</summary>
    public abstract byte[] WithSupervisorLabels(IReadOnlyList<float[]> probabilities);

    /// <summary>A split file written by the data stage or a supervisor, read for <paramref name="setting"/>.</summary>
    /// <param name="runSeed">The run seed: it fixes how pairs are presented (<see cref="PairOrder"/>).</param>
    public static ExampleSet Read(Setting setting, string path, int runSeed) => setting switch
    {
        Setting.Classification => new ClassificationExamples(UserData.ReadClassification(path)),
        Setting.RewardModel => new PairwiseExamples(UserData.ReadPairwise(path), runSeed),
        _ => throw new NotSupportedException($"setting {setting}"),
    };

    protected static void CheckRows(IReadOnlyList<float[]> probabilities, int count)
    {
        if (probabilities.Count != count)
            throw new ArgumentException($"{probabilities.Count} predictions for {count} items");
    }
}

/// <summary>Classification items: the text (or question/answer pair), hard_label, soft_label.</summary>
public sealed class ClassificationExamples(IReadOnlyList<ClassificationItem> items) : ExampleSet
{
    public IReadOnlyList<ClassificationItem> Items { get; } = items;

    public override Setting Setting => Setting.Classification;
    public override int Count => Items.Count;
    public override string IdOf(int index) => Items[index].Id;
    public override int[][] Encode(ITextEncoder encoder, int maxCtx) => ItemEncoding.Encode(encoder, Items, maxCtx);
    public override float[] Truth(int index) => ItemEncoding.OneHot(Items[index].HardLabel);

    public override float[]? SupervisorLabel(int index) => Items[index].SoftLabel switch
    {
        null => null,
        { Count: 2 } s => [(float)s[0], (float)s[1]],
        _ => throw new InvalidOperationException($"soft label of item '{Items[index].Id}' is not a 2-class distribution"),
    };

    public override byte[] WithSupervisorLabels(IReadOnlyList<float[]> probabilities)
    {
        CheckRows(probabilities, Count);
        return JsonlWriter.ToBytes(Items.Select((item, i) => item with { SoftLabel = [probabilities[i][0], probabilities[i][1]] }));
    }
}

/// <summary>
/// Preference pairs presented as (a, b) by <see cref="PairOrder"/>: output 0 is "a preferred", output 1 "b
/// preferred", matching a reward model's (r_a, r_b) logits, so the predictor's softmax is the Bradley–Terry
/// P(a ≻ b) and argmax accuracy is pairwise accuracy. Labels are stored order-free, as
/// soft_preference = P(chosen ≻ rejected), and turned into (a, b) targets on reading.
/// </summary>
public sealed class PairwiseExamples : ExampleSet
{
    private readonly bool[] chosenFirst;

    public PairwiseExamples(IReadOnlyList<PairwiseItem> items, int runSeed)
    {
        Items = items;
        chosenFirst = items.Select(i => PairOrder.ChosenFirst(i, runSeed)).ToArray();
    }

    public IReadOnlyList<PairwiseItem> Items { get; }

    public bool ChosenFirst(int index) => chosenFirst[index];

    public override Setting Setting => Setting.RewardModel;
    public override int Count => Items.Count;
    public override string IdOf(int index) => Items[index].Id;

    public override int[][] Encode(ITextEncoder encoder, int maxCtx) =>
        Items.Select((item, i) => chosenFirst[i]
            ? ItemEncoding.EncodePair(encoder, item.Prompt, item.Chosen, item.Rejected, maxCtx)
            : ItemEncoding.EncodePair(encoder, item.Prompt, item.Rejected, item.Chosen, maxCtx)).ToArray();

    public override float[] Truth(int index) => chosenFirst[index] ? [1f, 0f] : [0f, 1f];

    public override float[]? SupervisorLabel(int index) => Items[index].SoftPreference is { } s ? Presented(index, s) : null;

    public override byte[] WithSupervisorLabels(IReadOnlyList<float[]> probabilities)
    {
        CheckRows(probabilities, Count);
        return JsonlWriter.ToBytes(Items.Select((item, i) =>
            item with { SoftPreference = chosenFirst[i] ? probabilities[i][0] : probabilities[i][1] }));
    }

    /// <summary>P(chosen ≻ rejected) = s as the (a, b) distribution of this presentation.</summary>
    private float[] Presented(int index, double s) => chosenFirst[index] ? [(float)s, (float)(1 - s)] : [(float)(1 - s), (float)s];
}
