namespace WeakToStrong.Runner.Stages.Metrics;

/// <summary>What a pretrain stage reports: corpus size and the language-model loss at the first and last step.</summary>
public sealed record PretrainMetrics(int CorpusTokens, int Steps, double? FirstLoss, double? FinalLoss) : StageMetrics
{
    /// <summary>The language-model loss and learning rate over the steps; null in records made before it was kept.</summary>
    public TrainingCurve? TrainingCurve { get; init; }

    public override string Summary() => FinalLoss is { } l ? $"{CorpusTokens} corpus tokens, final loss {l:F3}" : $"{CorpusTokens} corpus tokens";
}
