using WeakToStrong.Core.Stages;
using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Sources;
using WeakToStrong.Runner.Families;
using WeakToStrong.Runner.Stages.Metrics;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// A model's body from the user's hash-pinned weights (a <c>path</c> or https <c>url</c> source): fetched and verified
/// by the source cache, then loaded strictly by the family (<see cref="IImportsWeights"/>) and stored as a body
/// checkpoint like a pretrain stage's, so training stages read both the same way.
/// </summary>
public static class WeightsStage
{
    public static async Task<StageResult> RunAsync(WeightsParameters p, SourceCache sources, string work, CancellationToken ct)
    {
        var source = p.Model.Weights ?? throw new InvalidOperationException($"model '{p.Model.Size}' declares no weights");
        var fetched = await sources.GetAsync(PinnedSource.Of(source), ct);
        string path = Path.Combine(work, "body.safetensors");
        long count = ModelFactory.Importer(p.Model).ImportBody(p.Model, fetched.ArchivePath, path);
        return StageResult.Of(new Dictionary<string, string> { ["body"] = path }, new WeightsMetrics(source.Sha256 ?? "", count));
    }
}
