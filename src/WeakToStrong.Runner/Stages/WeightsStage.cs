using WeakToStrong.Core.Stages;
using WeakToStrong.Data.Cache;
using WeakToStrong.Runner.Families;
using WeakToStrong.Runner.Sources;
using WeakToStrong.Runner.Stages.Results;
using WeakToStrong.Training.Models;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// A gpt2-hf model's body from the user's hash-pinned safetensors (a <c>path</c> or https <c>url</c> source): fetched
/// and verified by the source cache, loaded strictly into a GPT-2 of the declared size (Hugging Face's layout, bare
/// or <c>transformer.</c>-prefixed keys; a missing, extra or mis-shaped tensor fails here, before any training), and
/// stored as a body checkpoint like a pretrain stage's, so training stages read both the same way.
/// </summary>
public static class WeightsStage
{
    public static async Task<StageResult> RunAsync(WeightsParameters p, SourceCache sources, string work, CancellationToken ct)
    {
        var source = p.Model.Weights ?? throw new InvalidOperationException($"gpt2-hf model '{p.Model.Size}' declares no weights");
        var fetched = await sources.GetAsync(SourceMapping.ToData(source), ct);
        using var body = new Gpt2Model(ModelFactory.Gpt2ConfigOf(p.Model), seed: 0);
        Gpt2Checkpoint.LoadBody(body, fetched.ArchivePath);
        string path = Path.Combine(work, "body.safetensors");
        Gpt2Checkpoint.SaveBody(body, path);
        long count = body.parameters().Sum(t => t.numel());
        return StageResult.Of(new Dictionary<string, string> { ["body"] = path }, new WeightsMetrics(source.Sha256 ?? "", count));
    }
}
