using WeakToStrong.Training.Models;

namespace WeakToStrong.Training.Trainer;

/// <summary>How one batch is cut into the minibatches that run forward and backward (the loss is the batch's either way).</summary>
public enum MinibatchComposition
{
    /// <summary>The reference's: consecutive runs of <c>minibatchSize</c> examples in batch order.</summary>
    InOrder,

    /// <summary>Sorted by padded length, then filled up to a padded-token budget (see <see cref="MinibatchPlan"/>).</summary>
    ByLength,
}

/// <summary>
/// Which examples of one batch form each minibatch. The whole-batch gradient is the same sum whatever the
/// composition (each minibatch's loss is weighted by its share of the batch), so only float summation order and
/// the amount of padding change. <see cref="MinibatchComposition.ByLength"/> sorts the batch by padded length
/// (stable: ties keep batch order) and fills each minibatch while its padded tokens, count × longest, stay within
/// <c>minibatchSize × longest example of the whole data set</c>: a bound the in-order composition reaches whenever
/// its longest examples meet, so peak memory stays what the manifest's minibatch size allows, while short examples
/// share one forward instead of many (each forward and backward has a cost in weight-sized memory traffic that does
/// not shrink with its tokens: measured in docs/speed.md).
/// </summary>
public static class MinibatchPlan
{
    /// <summary>Minibatches as lists of positions into <paramref name="cost"/> (the batch's examples in batch order).</summary>
    /// <param name="cost">Padded cost of each example of the batch (<see cref="Cost"/>).</param>
    /// <param name="budget">Largest count × longest per minibatch (ignored for in-order).</param>
    public static List<int[]> Compose(IReadOnlyList<int> cost, int minibatchSize, long budget, MinibatchComposition composition)
    {
        if (minibatchSize <= 0) throw new ArgumentOutOfRangeException(nameof(minibatchSize));
        var result = new List<int[]>();
        if (composition == MinibatchComposition.InOrder)
        {
            for (int start = 0; start < cost.Count; start += minibatchSize)
                result.Add(Enumerable.Range(start, Math.Min(minibatchSize, cost.Count - start)).ToArray());
            return result;
        }
        // OrderBy is a stable sort: equal costs keep their batch order, so the plan is a function of the lengths alone.
        var sorted = Enumerable.Range(0, cost.Count).OrderBy(i => cost[i]).ToArray();
        var current = new List<int>();
        foreach (int i in sorted)
        {
            // Ascending order: the newcomer is the longest, so (count + 1) × its cost is the padded size with it.
            if (current.Count > 0 && (long)(current.Count + 1) * cost[i] > budget)
            {
                result.Add(current.ToArray());
                current.Clear();
            }
            current.Add(i);
        }
        if (current.Count > 0) result.Add(current.ToArray());
        return result;
    }

    /// <summary>The padded-token budget of a minibatch: minibatchSize × the costliest example (<see cref="Cost"/>).</summary>
    public static long Budget(IEnumerable<int> costs, int minibatchSize) => (long)minibatchSize * costs.DefaultIfEmpty(1).Max();

    /// <summary>
    /// Padded tokens one example adds to a minibatch of its own length: its length, or for a packed pair (a
    /// reward model reads a and b as two rows) twice the longer of the two.
    /// </summary>
    public static int Cost(ISequenceClassifier classifier, int[] ids)
    {
        if (classifier is not IPackedInput) return ids.Length;
        var (a, b) = PairPacking.Unpack(ids);
        return 2 * Math.Max(a.Length, b.Length);
    }
}
