namespace WeakToStrong.Runner.Stages.Results;

/// <summary>What a label stage reports about the soft labels it made on train2.</summary>
/// <param name="Train2Acc">Accuracy of the labels' argmax against train2's ground truth (reward models: pairwise accuracy).</param>
/// <param name="PositiveRate">Share of train2 labelled class 1 (reward models: the second-presented response preferred).</param>
public sealed record LabelMetrics(double Train2Acc, double PositiveRate) : StageMetrics
{
    public override string Summary() => $"weak labels: train2 acc {Train2Acc:F4}";
}
