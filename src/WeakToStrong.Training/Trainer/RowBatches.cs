using WeakToStrong.Training.Losses;
using WeakToStrong.Training.Models;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Trainer;

/// <summary>
/// The training step of an <see cref="IRowInput"/> classifier whose batch is one minibatch: the batch's table rows
/// and soft labels are gathered by index from arrays built once, then one forward, the loss and one backward. It is
/// the general loop's one-minibatch step with the bookkeeping taken out: the same logits in the same order, the same
/// targets, the same loss, so the same weights bit for bit (a tensor built from a float array and a row gathered
/// from a tensor of those floats are equal). A row counts as one token, as its one-id sequence did.
/// A head that works on host arrays (<see cref="IHostHead"/>) with a loss that has a host form (<see cref="IHostLoss"/>)
/// takes the step without tensors: the same loss and gradient, summed in another order, so the weights agree with the
/// tensor step's to float rounding (FeatureProbeTests), a step in about a sixth of the time (docs/speed.md "Probe heads on the host").
/// </summary>
internal sealed class RowBatches : IDisposable
{
    private readonly IRowInput model;
    private readonly long[][] rows;
    private readonly Tensor targets;
    private readonly float[] hostTargets; // the same soft labels, [n,2] flat
    private long[] hostRows = [];              // the host step's buffers, grown to the largest batch
    private float[] batchTargets = [], hostLogits = [], hostGradient = [];

    private RowBatches(IRowInput model, IReadOnlyList<(int[] Ids, float[] SoftLabel)> data, Device device)
    {
        this.model = model;
        rows = data.Select(e => model.RowsOf(e.Ids)).ToArray();
        targets = SupervisedTrainer.Targets(data, device);
        hostTargets = data.SelectMany(e => e.SoftLabel).ToArray();
    }

    /// <summary>The fast path for <paramref name="classifier"/>, or null where the general loop must run (a model
    /// that reads token sequences, or a batch in several minibatches).</summary>
    public static RowBatches? For(ISequenceClassifier classifier, IReadOnlyList<(int[] Ids, float[] SoftLabel)> data, TrainOptions options, Device device) =>
        classifier is IRowInput model && options.MinibatchSize >= options.BatchSize ? new RowBatches(model, data, device) : null;

    /// <summary>Forward, loss and backward for one batch (positions into the data); the caller's dispose scope owns
    /// the tensors. Returns the batch's loss and the rows it read.</summary>
    public (double Loss, long Rows) Step(int[] batch, ILoss loss, double progressFraction)
    {
        if (OnHost(loss)) return HostStep((IHostHead)model, (IHostLoss)loss, batch, progressFraction);
        var index = new long[batch.Length];
        var batchRows = new List<long>(batch.Length * 2);
        for (int i = 0; i < batch.Length; i++)
        {
            index[i] = batch[i];
            batchRows.AddRange(rows[batch[i]]);
        }
        var logits = model.ClassifyRows(tensor(batchRows.ToArray())).to(ScalarType.Float32);
        var value = loss.Compute(logits, targets.index_select(0, tensor(index).to(targets.device)), progressFraction);
        value.backward();
        return (value.item<float>(), batchRows.Count);
    }

    /// <summary>
    /// Whether <paramref name="loss"/>'s steps run on host arrays. Such a step needs no no-GC region
    /// (<see cref="NoCollectionRegion"/>), which exists for TorchSharp's implicit Scalars and temporaries, garbage while
    /// libtorch still reads their handles: its native calls are the zeroing of the gradient, <see cref="FusedAdam"/>'s
    /// pointer reads and the gradient's getter and setter, each on a tensor a live object holds. So the trainer takes
    /// none for it, and a fit pays no region's opening collection, a full one (docs/speed.md "Probe heads on the host").
    /// </summary>
    public bool OnHost(ILoss loss) => model is IHostHead head && loss is IHostLoss && head.OnHost;

    /// <summary>The step on host arrays, in buffers kept across steps: the step itself then allocates nothing (a
    /// first version's fresh arrays came to 8.5 KB a step, and a 4,000-step fit to several collections).</summary>
    private (double Loss, long Rows) HostStep(IHostHead head, IHostLoss loss, int[] batch, double progressFraction)
    {
        int count = 0;
        foreach (int example in batch) count += rows[example].Length;
        if (hostRows.Length < count) hostRows = new long[count];
        if (batchTargets.Length < 2 * batch.Length) (batchTargets, hostLogits, hostGradient) = (new float[2 * batch.Length], new float[2 * batch.Length], new float[2 * batch.Length]);
        int at = 0;
        for (int i = 0; i < batch.Length; i++)
        {
            foreach (long row in rows[batch[i]]) hostRows[at++] = row;
            batchTargets[2 * i] = hostTargets[2 * batch[i]];
            batchTargets[2 * i + 1] = hostTargets[2 * batch[i] + 1];
        }
        var batchRows = hostRows.AsSpan(0, count);
        var targets = batchTargets.AsSpan(0, 2 * batch.Length);
        var logits = hostLogits.AsSpan(0, 2 * batch.Length);
        var gradient = hostGradient.AsSpan(0, 2 * batch.Length);
        head.Logits(batchRows, logits);
        double value = loss.Gradient(logits, targets, progressFraction, gradient);
        head.SetGradient(batchRows, gradient);
        return (value, count);
    }

    public void Dispose() => targets.Dispose();
}
