using TorchSharp;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Stages;
using WeakToStrong.Data.Cache;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Examples;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Families;
using WeakToStrong.Runner.Identity;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Runner.Stages;
using WeakToStrong.Training.Bench;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Pretraining;
using WeakToStrong.Training.Throughput;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Application;

/// <summary>What `bench` measures: which experiments' stages, how many timed steps, on how many threads.</summary>
public sealed record BenchRequest
{
    public required string ExperimentsDirectory { get; init; }

    /// <summary>Experiments whose stages are benched (a,b); empty: every manifest.</summary>
    public IReadOnlyList<string> Experiments { get; init; } = [];

    /// <summary>Timed optimiser steps per training loop (after one untimed step).</summary>
    public int Steps { get; init; } = 6;

    public int? Threads { get; init; }
    public string? StoreRoot { get; init; }
}

/// <summary>One measured loop: what ran (<paramref name="Loop"/>: fine-tune, predict, pretrain), on which model and
/// data, and how fast against the peak measured beside it.</summary>
public sealed record BenchRow(string Loop, string Experiment, string Model, string Detail, ThroughputReport Throughput);

public sealed record BenchResult(int Threads, IReadOnlyList<BenchRow> Rows);

/// <summary>
/// `bench` (docs/speed.md): the loops a run's hours go to, with each experiment's own stage settings and its own
/// data. Each experiment's first-seed data stage runs through the store (cached after the first time), so the
/// fine-tuning and prediction passes see the task's real token lengths; the strong model fine-tunes with its ceiling
/// stage's settings, the weak GPT-2 predicts the test split as its label stage would, and every pretraining stage of
/// the plan is benched with its own size, batch, context and precision. The first experiment also runs its strong
/// model in the other precision and with the reference's in-order minibatches, for comparison. Last, the
/// width-512 GPT-2 classifier at full context 128 (no bundled task trains it; the bench has always reported it).
/// </summary>
public static class BenchVerb
{
    public static async Task<BenchResult> RunAsync(BenchRequest request, IRunProgress progress, Action<BenchRow>? measured = null, CancellationToken ct = default)
    {
        if (request.Steps < 1) throw new UserError($"bench: --bench-steps must be at least 1 (got {request.Steps})");
        var catalog = new ExperimentCatalog(request.ExperimentsDirectory);
        var chosen = catalog.Chosen(request.Experiments);
        var ids = chosen.Count > 0 ? chosen : catalog.Ids();
        int threads = ThreadCount.Resolve(request.Threads);
        torch.set_num_threads(threads);
        string storeRoot = ContentStore.RootFrom(request.StoreRoot);
        var store = new ContentStore(storeRoot);
        var sources = new SourceCache(storeRoot);

        var rows = new List<BenchRow>();
        void Add(BenchRow row)
        {
            rows.Add(row);
            measured?.Invoke(row);
        }
        var pretrainKeys = new HashSet<string>(StringComparer.Ordinal);
        for (int e = 0; e < ids.Count; e++)
        {
            string id = ids[e];
            var plan = PlanCompiler.Compile(catalog.Resolve(id, null, []), StageCode.Current);
            var data = plan.OfKind(StageKind.Data).First();
            progress.Info($"bench {e + 1}/{ids.Count}: {id}: data stage {data.Id} (from the store when cached)");
            var executed = await new PlanExecutor(store, sources, "cpu", progress).RunAsync(plan with { Stages = [data] }, ct);
            var inputs = new StageInputs(store, executed.ToDictionary(x => x.Stage.Id, StringComparer.Ordinal));

            // The strong model: the largest fine-tuned ceiling, by its body's parameters (a bootstrap chain's middle
            // model has a ceiling too), the last seed's. A linear probe's ceiling is no fine-tuning loop: its body's
            // forward is the features stage and its head a probe fit (docs/speed.md "Probe heads").
            var ceilings = plan.OfKind(StageKind.Ceiling).Select(c => c.Read<TrainParameters>()).Where(c => !c.Model.LinearProbe).ToList();
            if (ceilings.Count == 0)
            {
                progress.Info($"bench {e + 1}/{ids.Count}: {id}: no fine-tuned model at its default scale; nothing to bench");
                continue;
            }
            long? Size(TrainParameters c) => ParameterCount.Of(c.Model.Family, c.Model.Size);
            var largest = ceilings.Max(Size);
            var ceiling = ceilings.Last(c => Size(c) == largest);
            int seed = ceiling.Seed;
            var train = inputs.Examples(data.Id, "train1", ceiling.Setting, seed);
            var test = inputs.Examples(data.Id, "test", ceiling.Setting, seed);
            var options = TrainOptionsMapping.Options(ceiling.Training, seed, "cpu");

            BenchRow FineTune(TrainOptions o, string detail)
            {
                progress.Info($"bench: {id}: fine-tuning {ModelName(ceiling.Model)} ({detail})");
                using var model = ModelFactory.Create(ceiling.Model, seed, ceiling.Training.MaxCtx, null, ceiling.Setting);
                var examples = train.Encode(model.Encoder, ceiling.Training.MaxCtx).Select((ids, i) => (ids, train.Truth(i))).ToList();
                return new BenchRow("fine-tune", id, ModelName(ceiling.Model), detail, ThroughputBench.FineTune(model, examples, o, request.Steps));
            }
            Add(FineTune(options, $"{Describe(options)}, train1 lengths"));
            if (e == 0)
            {
                var other = options.Precision == Precision.Bf16 ? Precision.Fp32 : Precision.Bf16;
                Add(FineTune(options with { Precision = other }, $"{Describe(options with { Precision = other })}, train1 lengths"));
                Add(FineTune(options with { Composition = MinibatchComposition.InOrder }, $"{Describe(options)}, in order, train1 lengths"));
            }

            using (var strong = ModelFactory.Create(ceiling.Model, seed, ceiling.Training.MaxCtx, null, ceiling.Setting))
            {
                progress.Info($"bench: {id}: predicting test with {ModelName(ceiling.Model)}");
                Add(new BenchRow("predict", id, ModelName(ceiling.Model), $"{Name(options.Precision)}, test lengths",
                    ThroughputBench.Predict(strong, test.Encode(strong.Encoder, ceiling.Training.MaxCtx), options.Precision)));
            }
            // A supervisor without a network (noisy-truth) predicts nothing, and a probe's predictions are a head over
            // its features table: there is no forward pass of a network to measure.
            foreach (var label in plan.OfKind(StageKind.Label).Select(l => l.Read<LabelParameters>())
                         .Where(l => ModelFactory.WithoutNetwork(l.Model) is null && !l.Model.LinearProbe).DistinctBy(l => (l.Model.Family, l.Model.Size)))
            {
                progress.Info($"bench: {id}: predicting test with {ModelName(label.Model)}");
                using var weak = ModelFactory.Create(label.Model, seed, label.MaxCtx, null, label.Setting);
                var precision = label.Precision;
                Add(new BenchRow("predict", id, ModelName(label.Model), $"{Name(precision)}, test lengths",
                    ThroughputBench.Predict(weak, test.Encode(weak.Encoder, label.MaxCtx), precision)));
            }
            foreach (var stage in plan.OfKind(StageKind.Pretrain).Where(s => pretrainKeys.Add(s.Key)))
            {
                var p = stage.Read<PretrainParameters>();
                progress.Info($"bench: {id}: pretraining {ModelName(p.Model)}");
                Add(new BenchRow("pretrain", id, ModelName(p.Model),
                    $"{Name(p.Pretrain.Precision)}, batch {p.Pretrain.BatchSize} × ctx {p.Pretrain.Ctx}, LM head counted",
                    ModelFactory.Pretrainer(p.Model).BenchPretraining(p.Model, p.Pretrain, request.Steps)));
            }
        }

        foreach (var precision in new[] { Precision.Bf16, Precision.Fp32 })
        {
            progress.Info($"bench: fine-tuning w512-l4 at full context 128 ({Name(precision)})");
            var config = new Gpt2Config(NPositions: 128, NEmbd: 512, NLayer: 4, NHead: 8);
            using var model = Gpt2Classifier.Create(config, seed: 0);
            var o = new TrainOptions { LearningRate = 5e-5, Precision = precision };
            Add(new BenchRow("fine-tune", "-", "w512-l4", $"{Describe(o)}, 128 tokens each",
                ThroughputBench.FineTune(model, ThroughputBench.FullLength(o.BatchSize * (request.Steps + 1), 128, config.VocabSize), o, request.Steps)));
        }
        return new BenchResult(threads, rows);
    }

    /// <summary>The family and its size as written, or the family alone where the size is left to its default.</summary>
    static string ModelName(ModelSpec m) => m.Size is { } size ? $"{ModelFamilies.Name(m.Family)} {size}" : ModelFamilies.Name(m.Family);

    static string Name(Precision p) => p == Precision.Bf16 ? "bf16" : "fp32";

    static string Describe(TrainOptions o) => $"{Name(o.Precision)}, batch {o.BatchSize}/{o.MinibatchSize}";
}
