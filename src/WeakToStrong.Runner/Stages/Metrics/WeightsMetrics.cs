namespace WeakToStrong.Runner.Stages.Metrics;

/// <summary>What a weights stage reports: the pinned file it verified and the body it stored.</summary>
/// <param name="Source">The weights file's sha256, as pinned in the manifest.</param>
/// <param name="Parameters">Number of body parameters loaded (strictly: every tensor of the configured size, no extra).</param>
public sealed record WeightsMetrics(string Source, long Parameters) : StageMetrics
{
    public override string Summary() => $"{Parameters} body parameters";
}
