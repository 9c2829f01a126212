using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Data.Cache;
using WeakToStrong.Runner.Models;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Runner.Stages;

namespace WeakToStrong.Runner.Execution;

/// <summary>
/// A stage's kind and resolved parameters to the executor that computes it. Executors read their settings from
/// the stage's own parameters (exactly what its key hashes), so what ran is what the key says ran.
/// </summary>
public static class StageDispatcher
{
    public static async Task<StageResult> RunAsync(Stage stage, Manifest manifest, StageInputs inputs, SourceCache sources,
        string device, string work, IRunProgress progress, CancellationToken ct)
    {
        var p = stage.Parameters;
        switch (stage.Kind)
        {
            case StageKind.Data:
                return await DataStage.RunAsync(manifest.Data, manifest.Setting, (int)p["seed"]!, sources, work, ct);

            case StageKind.Pretrain:
                return await PretrainStage.RunAsync(stage.Id, Read<ModelSpec>(p["model"]), manifest.Pretrain!, sources, device, work, progress, ct);

            case StageKind.Weak:
            case StageKind.Ceiling:
            case StageKind.Transfer:
            case StageKind.Bootstrap:
                return TrainStage(stage, inputs, device, work, progress);

            case StageKind.Label:
            {
                var weak = inputs.Stage(stage.DependsOn.Single(d => inputs.Stage(d).Stage.Kind == StageKind.Weak)).Stage;
                string data = DependencyOfKind(stage, inputs, StageKind.Data);
                int seed = (int)weak.Parameters["seed"]!;
                return LabelStage.Run(Read<ModelSpec>(weak.Parameters["model"]), Read<TrainingSpec>(weak.Parameters["training"]),
                    seed, inputs.File(weak.Id, "model"), LabelInputsOf(data, inputs, seed), work);
            }

            case StageKind.Evaluate:
                return Evaluation.Evaluate(stage, inputs, work);

            default:
                throw new NotSupportedException($"stage kind {stage.Kind}");
        }
    }

    static StageResult TrainStage(Stage stage, StageInputs inputs, string device, string work, IRunProgress progress)
    {
        var p = stage.Parameters;
        var model = Read<ModelSpec>(p["model"]);
        var training = Read<TrainingSpec>(p["training"]);
        int seed = (int)p["seed"]!;
        string data = DependencyOfKind(stage, inputs, StageKind.Data);
        string trainOn = (string)p["trainOn"]!;
        var setting = SettingOf(data, inputs);
        // Ground truth (weak model, ceiling) as one-hot targets: xent for classifiers; Bradley–Terry with hard
        // preferences for reward models, −log σ(r_chosen − r_rejected), which on (r_a, r_b) logits is the same
        // number as xent against the one-hot target, named for what it is.
        var loss = p["loss"] is { } l ? Read<LossSpec>(l)
            : new LossSpec { Name = setting == Setting.RewardModel ? LossName.BradleyTerry : LossName.Xent };
        ExampleSet Examples(string id, string output) => inputs.Examples(id, output, setting, seed);

        // Students learn from their teacher's soft labels; the weak model and the ceiling from ground truth.
        string? teacher = stage.Kind is StageKind.Transfer or StageKind.Bootstrap
            ? stage.DependsOn.Single(d => inputs.Stage(d).Stage.Kind is StageKind.Label or StageKind.Bootstrap)
            : null;
        var train = teacher is not null ? Examples(teacher, LabelStage.Labels) : Examples(data, trainOn);
        string? body = stage.DependsOn.FirstOrDefault(d => inputs.Stage(d).Stage.Kind == StageKind.Pretrain) is { } pre
            ? inputs.File(pre, "body") : null;
        var supervisor = teacher is null ? null : new ClassifierStage.Supervisor(
            Examples(teacher, LabelStage.TestLabels),
            inputs.Has(teacher, LabelStage.ValidationLabels) ? Examples(teacher, LabelStage.ValidationLabels) : null);

        var request = new ClassifierStage.Request(stage.Id, model, training, loss, seed, train, Examples(data, "test"), body, device, work)
        {
            Supervision = supervisor,
        };
        var result = ClassifierStage.Run(request, progress);
        if (stage.Kind != StageKind.Bootstrap) return result;

        // A bootstrap step also labels train2 (and test, validation) for the next, larger model in its chain (paper §4.3.1).
        var labels = LabelStage.Run(model, training, seed, result.Files["model"], LabelInputsOf(data, inputs, seed), work);
        var files = new Dictionary<string, string>(result.Files);
        foreach (var (name, path) in labels.Files) files[name] = path;
        var metrics = (JsonObject)result.Metrics.DeepClone();
        metrics["train2Acc"] = labels.Metrics["train2Acc"]?.DeepClone();
        return result with { Files = files, Metrics = metrics };
    }

    static LabelInputs LabelInputsOf(string data, StageInputs inputs, int runSeed)
    {
        var setting = SettingOf(data, inputs);
        ExampleSet Split(string name) => inputs.Examples(data, name, setting, runSeed);
        return new(Split("train2"), Split("test"), inputs.Has(data, "validation") ? Split("validation") : null);
    }

    /// <summary>The setting of the items a data stage wrote, from its hashed "task" parameter.</summary>
    static Setting SettingOf(string data, StageInputs inputs) => DataStage.SettingOf((string)inputs.Stage(data).Stage.Parameters["task"]!);

    static string DependencyOfKind(Stage stage, StageInputs inputs, StageKind kind) =>
        stage.DependsOn.SingleOrDefault(d => inputs.Stage(d).Stage.Kind == kind)
        ?? stage.DependsOn.Select(d => inputs.Stage(d).Stage).SelectMany(s => s.DependsOn).First(d => inputs.Stage(d).Stage.Kind == kind);

    static T Read<T>(JsonNode? node) =>
        node.Deserialize<T>(ManifestJson.Options) ?? throw new InvalidOperationException($"stage parameter is not a {typeof(T).Name}");
}
