using WeakToStrong.Core.Stages;
using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Sources;
using WeakToStrong.Data.Tasks;
using WeakToStrong.Data.Tasks.Corpus;
using WeakToStrong.Runner.Families;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Runner.Stages.Metrics;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// Pretrains a model's body on the manifest's pinned corpus (docs/architecture.md §10): the corpus's sources are
/// fetched here and read by their registered readers (<see cref="ICorpusReader"/>, <see cref="PretrainingCorpus"/>),
/// the family pretrains its body on the text
/// (<see cref="IPretrainedInPipeline"/>). Shared by every run seed.
/// </summary>
public static class PretrainStage
{
    public static async Task<StageResult> RunAsync(string stageId, PretrainParameters parameters, SourceCache sources,
        string device, string work, IRunProgress progress, CancellationToken ct)
    {
        var (model, spec) = (parameters.Model, parameters.Pretrain);
        var corpus = new List<(ICorpusReader, string)>();
        foreach (var source in spec.Corpus)
            corpus.Add((TaskCatalog.Default.CorpusReader(source.Name), (await sources.GetAsync(PinnedSource.Of(source), ct)).ContentDir));
        string text = PretrainingCorpus.Build(corpus).ToText();

        string path = Path.Combine(work, "body.safetensors");
        var body = ModelFactory.Pretrainer(model).Pretrain(model, spec, text, device, path, new StageStepProgress(progress, stageId));
        var result = body.Result;
        var metrics = new PretrainMetrics(body.CorpusTokens, spec.Steps,
            result.Losses.Count > 0 ? result.Losses[0] : null, result.Losses.Count > 0 ? result.Losses[^1] : null)
        {
            TrainingCurve = TrainingCurve.Of(result.Losses, result.LearningRates),
        };
        return StageResult.Of(new Dictionary<string, string> { ["body"] = path }, metrics) with { Timing = StageTiming.Json(body.Loop, result.Elapsed) };
    }
}
