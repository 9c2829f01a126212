using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Resolution;

namespace WeakToStrong.Core.Plans;

/// <summary>
/// Resolved manifest + code identity → plan (pure). Stage ids name models and seeds for people; keys hash only
/// values, so key order, whitespace and model names never change a key, and any value that matters does.
/// </summary>
public static class PlanCompiler
{
    public static Plan Compile(ResolvedManifest resolved, string codeVersion) =>
        resolved.Manifest is { } m
            ? Compile(m, codeVersion, resolved.Scale)
            : throw new ArgumentException("The manifest did not resolve; report its diagnostics instead of compiling.", nameof(resolved));

    public static Plan Compile(Manifest m, string codeVersion, string? scale = null)
    {
        var stages = new List<Stage>();
        var byId = new Dictionary<string, Stage>();
        Stage Add(string id, StageKind kind, JsonObject parameters, params IEnumerable<string> dependsOn)
        {
            var deps = dependsOn.ToList();
            var identity = new JsonObject
            {
                ["kind"] = kind.ToString().ToLowerInvariant(),
                ["codeVersion"] = codeVersion,
                ["params"] = parameters.DeepClone(),
                ["inputs"] = new JsonArray(deps.Select(d => byId[d].Key).Order(StringComparer.Ordinal).Select(k => (JsonNode)k).ToArray()),
            };
            var stage = new Stage(id, kind, parameters, deps, ContentKey.Of(identity));
            stages.Add(stage);
            byId[id] = stage;
            return stage;
        }

        var pairs = Pairs(m);
        var chains = m.Bootstrap ?? [];
        var weakModels = pairs.Select(p => p[0]).Concat(chains.Select(c => c[0])).ToHashSet();
        var strongModels = pairs.Select(p => p[1]).Concat(chains.SelectMany(c => c.Skip(1))).ToHashSet();
        var used = m.Models.Keys.Where(k => weakModels.Contains(k) || strongModels.Contains(k)).ToList();

        foreach (var seed in m.Seeds)
            Add(StageIds.Data(seed), StageKind.Data, new JsonObject
            {
                ["task"] = m.Data.Task,
                ["sources"] = Node(m.Data.Sources),
                ["split"] = Node(m.Data.Split),
                ["params"] = m.Data.Params is null ? new JsonObject() : Node(m.Data.Params),
                ["seed"] = seed,
            });

        foreach (var name in used.Where(n => m.Models[n].Family == ModelFamily.Gpt2Local))
        {
            var p = m.Pretrain!;
            Add(StageIds.Pretrain(name), StageKind.Pretrain, new JsonObject
            {
                ["model"] = ModelNode(m.Models[name]),
                ["corpus"] = Node(p.Corpus),
                ["steps"] = p.Steps, ["batchSize"] = p.BatchSize, ["ctx"] = p.Ctx, ["lr"] = p.Lr, ["seed"] = p.Seed,
            });
        }

        IEnumerable<string> BodyDeps(string model, int seed) =>
            byId.ContainsKey(StageIds.Pretrain(model)) ? [StageIds.Data(seed), StageIds.Pretrain(model)] : [StageIds.Data(seed)];

        JsonObject Training(string model, int seed, JsonObject extra)
        {
            var training = Node(EffectiveTraining(m, model)).AsObject();
            training.Remove("ceilingSplit"); // the ceiling's own "trainOn" carries it; it must not change weak or transfer keys
            var o = new JsonObject { ["model"] = ModelNode(m.Models[model]), ["training"] = training, ["seed"] = seed };
            foreach (var (k, v) in extra) o[k] = v?.DeepClone();
            return o;
        }

        foreach (var seed in m.Seeds)
        {
            foreach (var w in used.Where(weakModels.Contains))
            {
                Add(StageIds.Weak(w, seed), StageKind.Weak, Training(w, seed, new() { ["trainOn"] = "train1" }), BodyDeps(w, seed));
                Add(StageIds.Label(w, seed), StageKind.Label, new JsonObject { ["split"] = "train2" }, StageIds.Weak(w, seed), StageIds.Data(seed));
            }
            foreach (var s in used.Where(strongModels.Contains))
                Add(StageIds.Ceiling(s, seed), StageKind.Ceiling,
                    Training(s, seed, new() { ["trainOn"] = Enum(m.Training.CeilingSplit) }), BodyDeps(s, seed));
            foreach (var pair in pairs)
                foreach (var loss in m.Losses)
                    Add(StageIds.Transfer(pair[0], pair[1], LossDefaults.Label(loss), seed), StageKind.Transfer,
                        Training(pair[1], seed, new() { ["loss"] = LossNode(loss), ["trainOn"] = "train2" }),
                        [StageIds.Label(pair[0], seed), .. BodyDeps(pair[1], seed)]);
            foreach (var chain in chains)
                foreach (var loss in m.Losses)
                {
                    var teacher = StageIds.Label(chain[0], seed);
                    for (var i = 1; i < chain.Count; i++)
                    {
                        var id = StageIds.Bootstrap(chain, LossDefaults.Label(loss), i, seed);
                        Add(id, StageKind.Bootstrap,
                            Training(chain[i], seed, new() { ["loss"] = LossNode(loss), ["trainOn"] = "train2", ["step"] = i }),
                            [teacher, .. BodyDeps(chain[i], seed)]);
                        teacher = id;
                    }
                }
        }

        Add("evaluate", StageKind.Evaluate, new JsonObject
        {
            ["pairs"] = Node(pairs),
            ["bootstrap"] = Node(chains),
            ["losses"] = Node(m.Losses.Select(LossDefaults.Label).ToList()),
            ["seeds"] = Node(m.Seeds),
            ["pgrBaseline"] = Enum(m.PgrBaseline),
        }, stages.Where(s => s.Kind is StageKind.Weak or StageKind.Ceiling or StageKind.Transfer or StageKind.Bootstrap).Select(s => s.Id));

        return new Plan(m.Id, scale, codeVersion, stages);
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
    private static JsonObject ModelNode(ModelSpec model) => Node(model with { Training = null }).AsObject();

    private static JsonNode LossNode(LossSpec loss) => Node(LossDefaults.Effective(loss) with { Label = null });

    private static JsonNode Node<T>(T value) => JsonSerializer.SerializeToNode(value, ManifestJson.Options)!;

    private static string Enum<T>(T value) where T : struct, System.Enum => Node(value).GetValue<string>();

}
