using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Stages;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Examples;
using WeakToStrong.Runner.Families;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Runner.Stages.Metrics;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// The weak, ceiling, transfer and bootstrap stages: one <see cref="TrainParameters"/> record, its data split or
/// its teacher's labels, and the pretrained body when the model has one (from a pretrain or weights stage).
/// </summary>
public static class TrainStage
{
    public static StageResult Run(Stage stage, TrainParameters p, StageInputs inputs, string device, StageFolders folders, IRunProgress progress)
    {
        string work = folders.Work;
        string data = inputs.DependencyOfKind(stage, StageKind.Data);
        // Ground truth (weak model, ceiling) as one-hot targets: xent for classifiers; Bradley–Terry with hard
        // preferences for reward models, −log σ(r_chosen − r_rejected), which on (r_a, r_b) logits is the same
        // number as xent against the one-hot target, named for what it is.
        var loss = p.LossToTrainWith();
        ExampleSet Examples(string id, string output) => inputs.Examples(id, output, p.Setting, p.Seed);

        // Students learn from their teacher's soft labels; the weak model and the ceiling from ground truth.
        string? teacher = stage.Kind is StageKind.Transfer or StageKind.Bootstrap
            ? stage.DependsOn.Single(d => inputs.Stage(d).Stage.Kind is StageKind.Label or StageKind.Bootstrap)
            : null;
        var train = teacher is not null ? Examples(teacher, LabelStage.Labels) : Examples(data, SplitName(p.TrainOn));
        // A supervisor without a network (noisy-truth) trains nothing: it saves its rule and scores its test labels.
        if (ModelFactory.WithoutNetwork(p.Model) is { } rule)
            return stage.Kind == StageKind.Weak
                ? RuleSupervisorStage.Weak(stage.Id, p, rule, train, Examples(data, "test"), work)
                : throw new InvalidOperationException($"{stage.Id}: a {ModelFamilies.Name(p.Model.Family)} model only supervises (its weak stage); it cannot be a {stage.Kind.ToString().ToLowerInvariant()} model");
        // The body: a pretrain or weights stage's; for a linear probe, its features stage's table (the frozen body's work, done once).
        string? body = inputs.FileOfKind(stage, FeaturesStage.Output, StageKind.Features) ?? inputs.PretrainedBody(stage);
        if (body is null && ModelFamilies.Of(p.Model.Family).Body is BodySource.Pretrain or BodySource.Weights)
            throw new InvalidOperationException($"{stage.Id}: a {ModelFamilies.Name(p.Model.Family)} model trains from its {ModelFamilies.Of(p.Model.Family).Body.ToString().ToLowerInvariant()} stage's body, and this stage reads none");
        var supervisor = teacher is null ? null : new FitAndTest.Supervisor(
            Examples(teacher, LabelStage.TestLabels),
            inputs.Has(teacher, LabelStage.ValidationLabels) ? Examples(teacher, LabelStage.ValidationLabels) : null);

        var request = new FitAndTest.Request(stage.Id, p.Model, p.Training, loss, p.Seed, train, Examples(data, "test"), body, device, work)
        {
            Supervision = supervisor,
            ResumeDirectory = folders.Resume,
        };
        var result = FitAndTest.Run(request, progress);
        if (stage.Kind != StageKind.Bootstrap) return result;

        // A bootstrap step also labels train2 (and test, validation) for the next, larger model in its chain (paper §4.3.1).
        var labels = LabelStage.Run(new LabelParameters(p.Model, p.Training.MaxCtx, p.Setting, p.Seed, DataSplit.Train2) { Precision = p.Training.Precision },
            result.Files["model"], inputs.LabelInputs(data, p.Setting, p.Seed), work, p.Model.LinearProbe ? body : null);
        var files = new Dictionary<string, string>(result.Files);
        foreach (var (name, path) in labels.Files) files[name] = path;
        var metrics = StageMetrics.Read<TrainMetrics>(result.Metrics) with
        {
            Train2Acc = StageMetrics.Read<LabelMetrics>(labels.Metrics).Train2Acc,
        };
        return StageResult.Of(files, metrics) with { Timing = result.Timing };
    }

    static string SplitName(DataSplit split) => split == DataSplit.Train2 ? "train2" : "train1";
}
