using WeakToStrong.Core.Canonical;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Resolution;
using WeakToStrong.Core.Stages;
using WeakToStrong.Core.Tasks;

namespace WeakToStrong.Core.Plans;

/// <summary>
/// Resolved manifest + code identity → plan (pure). Each stage carries its kind's parameter record
/// (<see cref="StageParameters"/>), and its key hashes that record: stage ids name models and seeds for people, keys
/// hash only values, so key order, whitespace and model names never change a key, and any value that matters does.
/// </summary>
public static class PlanCompiler
{
    public static Plan Compile(ResolvedManifest resolved, string codeVersion) => Compile(resolved, IStageCode.Uniform(codeVersion));

    /// <summary>The plan with each stage's key folding in the hash of the code that computes it (<paramref name="code"/>).</summary>
    public static Plan Compile(ResolvedManifest resolved, IStageCode code) =>
        resolved is { Manifest: { } m, Task: { } task }
            ? Compile(m, task, code, resolved.Scale)
            : throw new ArgumentException("The manifest did not resolve; report its diagnostics instead of compiling.", nameof(resolved));

    /// <summary>Compiles a manifest validated against <paramref name="tasks"/> (its task must be there).</summary>
    public static Plan Compile(Manifest m, ITaskCatalog tasks, string codeVersion, string? scale = null) =>
        Compile(m, tasks.Find(m.Data.Task)
            ?? throw new ArgumentException($"task '{m.Data.Task}' is not in the task catalog: validate the manifest against the same catalog first", nameof(m)),
            IStageCode.Uniform(codeVersion), scale);

    private static Plan Compile(Manifest m, TaskDescriptor task, IStageCode code, string? scale)
    {
        var stages = new List<Stage>();
        var byId = new Dictionary<string, Stage>();
        void Add(string id, StageKind kind, StageParameters parameters, params IEnumerable<string> dependsOn)
        {
            var deps = dependsOn.ToList();
            var json = parameters.ToJson();
            string stageCode = code.Of(kind, json);
            var stage = new Stage(id, kind, json, deps, StageKey.Of(kind, stageCode, json, deps.Select(d => byId[d].Key))) { Code = stageCode };
            stages.Add(stage);
            byId[id] = stage;
        }

        var pairs = Pairs(m);
        var chains = m.Bootstrap ?? [];
        var weakModels = pairs.Select(p => p[0]).Concat(chains.Select(c => c[0])).ToHashSet();
        var strongModels = pairs.Select(p => p[1]).Concat(chains.SelectMany(c => c.Skip(1))).ToHashSet();
        var used = m.Models.Keys.Where(k => weakModels.Contains(k) || strongModels.Contains(k)).ToList();
        // Defaults filled and one spelling per parameter, so the key sees what the builder will read, not how it was written.
        var data = task.Normalise(m.Data.Params);

        // A model may declare its own seeds (a frozen-feature probe is cheap enough for many more than a fine-tuned
        // model): a pair runs on its strong model's seeds, a weak model on every seed a pair or chain needs it.
        IReadOnlyList<int> SeedsOf(string model) => m.Models[model].Seeds ?? m.Seeds;
        var pairSeeds = pairs.Select(p => SeedsOf(p[1])).ToList();
        var allSeeds = m.Seeds.Concat(pairSeeds.SelectMany(s => s)).Distinct().ToList();
        bool Needs(string model, int seed) =>
            (strongModels.Contains(model) && SeedsOf(model).Contains(seed))
            || pairs.Where((p, i) => p[0] == model && pairSeeds[i].Contains(seed)).Any()
            || (m.Seeds.Contains(seed) && chains.Any(c => c.Contains(model)));

        // With `data.splitPerSeed: false` every seed reads run seed 0's splits: one data stage serves them all. The
        // data stage does not see the switch, so its key is seed 0's either way.
        int DataSeed(int seed) => m.Data.DataSeed(seed);
        string DataOf(int seed) => StageIds.Data(DataSeed(seed));
        foreach (var seed in allSeeds.Select(DataSeed).Distinct())
            Add(StageIds.Data(seed), StageKind.Data,
                new DataParameters(task.Name, task.BuilderVersion, m.Setting, m.Data.Sources, m.Data.Split, data, seed));

        BodySource Body(string model) => ModelFamilies.Of(m.Models[model].Family).Body;
        foreach (var name in used.Where(n => Body(n) == BodySource.Pretrain))
            Add(StageIds.Pretrain(name), StageKind.Pretrain, new PretrainParameters(BodyIdentity(m.Models[name]), m.Pretrain!));
        foreach (var name in used.Where(n => Body(n) == BodySource.Weights))
            Add(StageIds.Weights(name), StageKind.Weights, new WeightsParameters(BodyIdentity(m.Models[name])));

        // A model's body comes from its pretrain stage (gpt2-local), its weights stage (gpt2-hf) or its package (MiniLM).
        IEnumerable<string> BodyStage(string model) =>
            byId.ContainsKey(StageIds.Pretrain(model)) ? [StageIds.Pretrain(model)]
            : byId.ContainsKey(StageIds.Weights(model)) ? [StageIds.Weights(model)]
            : [];
        IEnumerable<string> FrozenBodyDeps(string model, int seed) => [DataOf(seed), .. BodyStage(model)];
        // A linear probe reads its frozen body's features from one features stage per model, which covers every split
        // of every seed's data the probe reads: a frozen body gives an input the same features whichever seed drew
        // it, and where the seeds draw from a small pool most inputs recur and are computed once (ten seeds of 3,000
        // fine-foods items are 4,965 distinct inputs; docs/engine.md "Frozen features").
        bool Probe(string model) => m.Models[model].LinearProbe;
        IEnumerable<string> BodyDeps(string model, int seed) =>
            Probe(model) ? [DataOf(seed), StageIds.Features(model)] : FrozenBodyDeps(model, seed);
        foreach (var probe in used.Where(Probe))
        {
            var dataSeeds = allSeeds.Where(seed => Needs(probe, seed)).Select(DataSeed).Distinct().Order().ToList();
            if (dataSeeds.Count == 0) continue;
            var training = EffectiveTraining(m, probe);
            Add(StageIds.Features(probe), StageKind.Features,
                new FeaturesParameters(Identity(m.Models[probe]), training.MaxCtx, m.Setting, dataSeeds, training.Precision),
                [.. dataSeeds.Select(StageIds.Data), .. BodyStage(probe)]);
        }

        // A supervisor that is no network (noisy-truth) trains nothing: its weak stage hashes the default training
        // settings, not the manifest's, so that `--set training.lr=…` does not recompute its rule and labels.
        TrainingSpec TrainingOf(string model) => ModelFamilies.Of(m.Models[model].Family).WeakOnly
            ? new TrainingSpec() : EffectiveTraining(m, model) with { CeilingSplit = DataSplit.Train1 };
        TrainParameters Training(string model, int seed, DataSplit trainOn, LossSpec? loss = null, int? step = null) =>
            new(Identity(m.Models[model]), TrainingOf(model), m.Setting, seed, trainOn,
                loss is null ? null : LossCatalog.Effective(loss) with { Label = null }, step);

        foreach (var seed in allSeeds)
        {
            foreach (var w in used.Where(n => weakModels.Contains(n) && Needs(n, seed)))
            {
                Add(StageIds.Weak(w, seed), StageKind.Weak, Training(w, seed, DataSplit.Train1), BodyDeps(w, seed));
                Add(StageIds.Label(w, seed), StageKind.Label,
                    new LabelParameters(Identity(m.Models[w]), TrainingOf(w).MaxCtx, m.Setting, seed, DataSplit.Train2)
                    {
                        Flip = m.WeakLabelFlip is > 0 ? m.WeakLabelFlip : null,
                        Precision = TrainingOf(w).Precision,
                    },
                    [StageIds.Weak(w, seed), .. BodyDeps(w, seed).Where(d => d.StartsWith("features/", StringComparison.Ordinal)), DataOf(seed)]);
            }
            foreach (var s in used.Where(n => strongModels.Contains(n) && Needs(n, seed)))
                Add(StageIds.Ceiling(s, seed), StageKind.Ceiling, Training(s, seed, m.Training.CeilingSplit), BodyDeps(s, seed));
            for (var i = 0; i < pairs.Count; i++)
                if (pairSeeds[i].Contains(seed))
                    foreach (var loss in m.Losses)
                        Add(StageIds.Transfer(pairs[i][0], pairs[i][1], LossCatalog.Label(loss), seed), StageKind.Transfer,
                            Training(pairs[i][1], seed, DataSplit.Train2, loss),
                            [StageIds.Label(pairs[i][0], seed), .. BodyDeps(pairs[i][1], seed)]);
            if (!m.Seeds.Contains(seed)) continue;
            foreach (var chain in chains)
                foreach (var loss in m.Losses)
                {
                    var teacher = StageIds.Label(chain[0], seed);
                    for (var i = 1; i < chain.Count; i++)
                    {
                        var id = StageIds.Bootstrap(chain, LossCatalog.Label(loss), i, seed);
                        Add(id, StageKind.Bootstrap, Training(chain[i], seed, DataSplit.Train2, loss, i), [teacher, .. BodyDeps(chain[i], seed)]);
                        teacher = id;
                    }
                }
        }

        Add("evaluate", StageKind.Evaluate,
            new EvaluateParameters(pairs, chains, m.Losses.Select(LossCatalog.Label).ToList(), m.Seeds, m.PgrBaseline)
            {
                // Null (and so absent from the key) unless some pair runs on other seeds than the manifest's.
                PairSeeds = pairSeeds.All(s => s.SequenceEqual(m.Seeds)) ? null : pairSeeds,
            },
            stages.Where(s => s.Kind is StageKind.Weak or StageKind.Ceiling or StageKind.Transfer or StageKind.Bootstrap).Select(s => s.Id));

        return new Plan(m.Id, scale, code.Label, stages);
    }

    /// <summary>The pairs to run: as declared, or every pair with the weak model declared before the strong one.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Pairs(Manifest m)
    {
        if (m.Pairs is not null) return m.Pairs;
        var names = m.Models.Keys.ToList();
        return [.. from i in Enumerable.Range(0, names.Count) from j in Enumerable.Range(i + 1, names.Count - i - 1) select (IReadOnlyList<string>)[names[i], names[j]]];
    }

    /// <summary>Shared training settings with the model's overrides applied (ceilingSplit belongs to the ceiling stage).</summary>
    public static TrainingSpec EffectiveTraining(Manifest m, string model)
    {
        var t = m.Training;
        var o = m.Models[model].Training;
        return (o is null ? t : t with
        {
            Epochs = o.Epochs ?? t.Epochs, BatchSize = o.BatchSize ?? t.BatchSize, MinibatchSize = o.MinibatchSize ?? t.MinibatchSize,
            Lr = o.Lr ?? t.Lr, MaxCtx = o.MaxCtx ?? t.MaxCtx, Optimizer = o.Optimizer ?? t.Optimizer,
            Schedule = o.Schedule ?? t.Schedule, Precision = o.Precision ?? t.Precision, EvalEvery = o.EvalEvery ?? t.EvalEvery,
        });
    }

    /// <summary>The model's identity without its training overrides (those are hashed as the effective "training").</summary>
    private static ModelSpec Identity(ModelSpec model) => model with { Training = null };

    /// <summary>What a body's pretraining or weights depend on: a linear probe of the body (w64-lp) reads the same body as
    /// the fine-tuned model (w64), so both share one pretrain stage.</summary>
    private static ModelSpec BodyIdentity(ModelSpec model) => Identity(model) with { LinearProbe = false };
}
