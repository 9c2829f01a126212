namespace WeakToStrong.Runner.Stages.Metrics;

/// <summary>What a features stage computed: how many distinct inputs (a preference pair's two responses count apart) and the feature size.</summary>
public sealed record FeaturesMetrics(int Inputs, long Size) : StageMetrics
{
    public override string Summary() => $"{Inputs} inputs × {Size} frozen features";
}
