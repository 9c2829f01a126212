namespace WeakToStrong.Runner.Stages.Metrics;

/// <summary>What a label stage measured: its train2 labels' accuracy (after any sabotage flip) and positive rate.</summary>
/// <param name="Train2Acc">Accuracy of the labels as written, so a flip shows here (docs/gate.md "Sabotage").</param>
public sealed record LabelMetrics(double Train2Acc, double PositiveRate) : StageMetrics
{
    /// <summary>How many train2 labels the manifest's `weakLabelFlip` flipped; absent when it asked for none.</summary>
    public int? Flipped { get; init; }

    public override string Summary() => $"weak labels: train2 acc {Train2Acc:F4}" + (Flipped is { } f ? $" ({f} flipped)" : "");
}
