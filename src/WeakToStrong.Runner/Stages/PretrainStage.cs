using WeakToStrong.Core.Stages;
using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Tasks;
using WeakToStrong.Runner.Families;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Runner.Sources;
using WeakToStrong.Runner.Stages.Results;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Pretraining;
using WeakToStrong.Training.Throughput;
using WeakToStrong.Training.Tokenization;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// Language-model pretraining of an in-pipeline GPT-2 body on the pinned corpus (docs/architecture.md §10), with GPT-2's own
/// tokenizer so the checkpoint stays loadable by Hugging Face's GPT-2. Shared by every run seed.
/// </summary>
public static class PretrainStage
{
    public static async Task<StageResult> RunAsync(string stageId, PretrainParameters parameters, SourceCache sources,
        string device, string work, IRunProgress progress, CancellationToken ct)
    {
        var (model, spec) = (parameters.Model, parameters.Pretrain);
        var corpus = new CorpusSources();
        foreach (var source in spec.Corpus)
        {
            string dir = (await sources.GetAsync(SourceMapping.ToData(source), ct)).ContentDir;
            corpus = source.Name switch
            {
                "sotu" => corpus with { Sotu = dir },
                "brown" => corpus with { Brown = dir },
                "moby-dick" => corpus with { MobyDick = dir },
                _ => throw new ArgumentException($"pretrain.corpus: no reader for source '{source.Name}' (available: sotu, brown, moby-dick)"),
            };
        }
        string text = CorpusTask.Build(corpus).ToText();
        int[] tokens = Gpt2TextEncoder.Shared.Encode(text);

        var config = ModelFactory.Gpt2ConfigOf(model);
        using var body = new Gpt2Model(config, spec.Seed);
        var options = new PretrainOptions
        {
            Steps = spec.Steps, BatchSize = spec.BatchSize, ContextLength = spec.Ctx, LearningRate = spec.Lr, Seed = spec.Seed,
            WarmupSteps = Math.Min(50, spec.Steps / 10), Device = device,
            Precision = spec.Precision,
        };
        var result = LanguageModelPretrainer.Train(body, tokens, options, new StageStepProgress(progress, stageId));
        string path = Path.Combine(work, "body.safetensors");
        Gpt2Checkpoint.SaveBody(body, path);
        var metrics = new PretrainMetrics(tokens.Length, spec.Steps,
            result.Losses.Count > 0 ? result.Losses[0] : null, result.Losses.Count > 0 ? result.Losses[^1] : null)
        {
            TrainingCurve = TrainingCurve.Of(result.Losses, result.LearningRates),
        };
        var loop = ThroughputReport.Measure(result.TokensTrained, result.TokensTrained, result.Elapsed,
            FlopModel.PretrainingPerToken(body, config.VocabSize, config.NEmbd), body.ComputeType);
        var timing = StageTiming.Json(loop, result.Elapsed);
        return StageResult.Of(new Dictionary<string, string> { ["body"] = path }, metrics) with { Timing = timing };
    }
}
