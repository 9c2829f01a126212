using TorchSharp;
using TorchSharp.Modules;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Trainer;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Probes;

/// <summary>
/// A linear probe on frozen features (the paper's lp(·) arm; openai/weak-to-strong's vision/ experiment): the same
/// zero-initialised, bias-free head the fine-tuned classifiers carry, reading the frozen body's pooled features
/// from a <see cref="FeatureTable"/> instead of recomputing the body at every step. Its examples are table rows
/// (<see cref="FeatureRowEncoder"/>); its checkpoint holds the head alone. Classification: logits [B,2] =
/// head(features). Reward modelling (<see cref="Pairwise"/>): a scalar reward head, rows a0, b0, a1, b1, … → (r_a, r_b).
/// </summary>
public class FeatureProbe : nn.Module<Tensor, Tensor, Tensor>, ISequenceClassifier, IHostHead, IComputePrecision, ISingleThreaded
{
    private readonly Linear classifier;
    private readonly FeatureTable table;
    private readonly int width, outputs;  // the head's shape, fixed at construction: reading a tensor's shape allocates
    private readonly long rowCount;

    public nn.Module Module => this;

    public ITextEncoder Encoder { get; }

    /// <summary>The head stays fp32: precision governs the frozen body, whose work the features stage did.</summary>
    public ScalarType ComputeType { get; set; } = ScalarType.Float32;

    public Linear Head => classifier;

    protected FeatureProbe(FeatureTable table, ITextEncoder modelEncoder, int maxCtx, int outputs) : base("FeatureProbe")
    {
        this.table = table;
        classifier = nn.Linear(table.Size, outputs, hasBias: false);
        (width, this.outputs, rowCount) = ((int)table.Size, outputs, table.Features.shape[0]);
        using (no_grad()) classifier.weight!.zero_();
        RegisterComponents();
        Encoder = FeatureRowEncoder.For(modelEncoder, table, maxCtx);
        eval();
    }

    /// <summary>A classification probe (logits [B,2]).</summary>
    public static FeatureProbe Classifier(FeatureTable table, ITextEncoder modelEncoder, int maxCtx) =>
        GlobalRng.LeftAlone(() => new FeatureProbe(table, modelEncoder, maxCtx, 2));

    /// <summary>A reward-model probe: r(x) = w·features(x), pairs in, (r_a, r_b) out.</summary>
    public static FeatureProbe RewardModel(FeatureTable table, ITextEncoder modelEncoder, int maxCtx) =>
        GlobalRng.LeftAlone(() => new Pairwise(table, modelEncoder, maxCtx));

    public Tensor Classify(Tensor inputIds, Tensor attentionMask) => forward(inputIds, attentionMask);

    /// <summary>A row-encoded example is its row (<see cref="FeatureRowEncoder"/>).</summary>
    public virtual long[] RowsOf(int[] ids) => ids.Length == 1 ? [ids[0]]
        : throw new ArgumentException($"a probe's example is one row id, not {ids.Length} ids");

    public virtual Tensor ClassifyRows(Tensor rows)
    {
        using var scope = NewDisposeScope();
        var features = table.Features.index_select(0, rows.cpu()).to(classifier.weight!.device);
        return classifier.forward(features).to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    public bool OnHost => outputs is 1 or 2 && HostStorage.Plain(classifier.weight!) && HostStorage.Plain(table.Features);

    /// <summary>Row r's logits are head row o · features row: [rows, outputs] flat, which for the reward head's one
    /// output is already (r_a, r_b) per pair.</summary>
    public unsafe void Logits(ReadOnlySpan<long> rows, Span<float> logits)
    {
        var (d, outputs) = Checked(rows, logits.Length);
        float* x = HostStorage.Floats(table.Features), w = HostStorage.Floats(classifier.weight!);
        for (int r = 0; r < rows.Length; r++)
            for (int o = 0; o < outputs; o++)
                logits[r * outputs + o] = HostLinear.Dot(x + rows[r] * d, w + (long)o * d, d);
    }

    public unsafe void SetGradient(ReadOnlySpan<long> rows, ReadOnlySpan<float> logitGradient)
    {
        var (d, outputs) = Checked(rows, logitGradient.Length);
        float* x = HostStorage.Floats(table.Features);
        var weight = classifier.weight!;
        using var existing = weight.grad;
        using var fresh = existing is null ? zeros_like(weight) : null;
        if (fresh is not null) weight.grad = fresh;
        float* g = HostStorage.Floats(existing ?? fresh!);
        if (outputs == 2) HostLinear.SumOfScaledRows(g, g + d, x, d, rows, logitGradient);
        else if (outputs == 1) HostLinear.SumOfScaledRows(g, x, d, rows, logitGradient);
        else throw new InvalidOperationException($"a host head has one or two outputs, not {outputs}");
    }

    private (int D, int Outputs) Checked(ReadOnlySpan<long> rows, int logits)
    {
        if (!OnHost) throw new InvalidOperationException("the probe's head or features are not fp32 on the CPU");
        if (logits != rows.Length * outputs) throw new ArgumentException($"{rows.Length} rows of a {outputs}-output head have {rows.Length * outputs} logits, not {logits}");
        foreach (var row in rows)
            if ((ulong)row >= (ulong)rowCount) throw new ArgumentOutOfRangeException(nameof(rows), $"row {row} of a table of {rowCount}");
        return (width, outputs);
    }

    public override Tensor forward(Tensor inputIds, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        return ClassifyRows(inputIds.select(1, 0).to(ScalarType.Int64)).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) table.Dispose();
        base.Dispose(disposing);
    }

    private sealed class Pairwise(FeatureTable table, ITextEncoder modelEncoder, int maxCtx)
        : FeatureProbe(table, modelEncoder, maxCtx, 1), IPackedInput
    {
        public (Tensor Ids, Tensor Mask) Collate(IReadOnlyList<int[]> packed, int padId, Device device) =>
            Trainer.Collator.Pad(PairPacking.Interleave(packed), padId, device);

        /// <summary>A packed pair reads two rows, a's then b's (<see cref="PairPacking.Interleave"/>'s order).</summary>
        public override long[] RowsOf(int[] ids)
        {
            var (a, b) = PairPacking.Unpack(ids);
            return a.Length == 1 && b.Length == 1 ? [a[0], b[0]]
                : throw new ArgumentException($"a reward probe's pair is two row ids, not {a.Length} and {b.Length}");
        }

        /// <summary>Rows a0, b0, a1, b1, … → rewards (r_a, r_b) per pair.</summary>
        public override Tensor ClassifyRows(Tensor rows)
        {
            using var scope = NewDisposeScope();
            return base.ClassifyRows(rows).squeeze(-1).view(-1, 2).MoveToOuterDisposeScope();
        }
    }
}
