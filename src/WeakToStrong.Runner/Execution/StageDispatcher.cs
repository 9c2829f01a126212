using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Stages;
using WeakToStrong.Data.Cache;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Runner.Stages;

namespace WeakToStrong.Runner.Execution;

/// <summary>
/// A stage to the executor that computes it. Each executor receives its stage kind's parameter record, read back
/// from the stage's own parameters (exactly what its key hashes), the outputs of the stages it depends on (whose
/// keys its key hashes) and the machine's services; never the manifest. So what ran is what the key says ran.
/// The executor each kind names here is the root its key's code hash starts from (<see cref="Identity.StageCode"/>):
/// route, do not compute, in this file.
/// </summary>
public static class StageDispatcher
{
    public static async Task<StageResult> RunAsync(Stage stage, StageInputs inputs, SourceCache sources,
        string device, StageFolders folders, IRunProgress progress, CancellationToken ct) => stage.Kind switch
    {
        StageKind.Data => await DataStage.RunAsync(stage.Read<DataParameters>(), sources, folders.Work, ct),
        StageKind.Pretrain => await PretrainStage.RunAsync(stage.Id, stage.Read<PretrainParameters>(), sources, device, folders.Work, progress, ct),
        StageKind.Weights => await WeightsStage.RunAsync(stage.Read<WeightsParameters>(), sources, folders.Work, ct),
        StageKind.Weak or StageKind.Ceiling or StageKind.Transfer or StageKind.Bootstrap =>
            TrainStage.Run(stage, stage.Read<TrainParameters>(), inputs, device, folders, progress),
        StageKind.Features => FeaturesStage.Run(stage, stage.Read<FeaturesParameters>(), inputs, folders.Work, progress),
        StageKind.Label => LabelStage.Run(stage, stage.Read<LabelParameters>(), inputs, folders.Work),
        StageKind.Evaluate => Evaluation.Evaluate(stage, inputs, folders.Work),
        _ => throw new NotSupportedException($"stage kind {stage.Kind}"),
    };

    /// <summary>The class whose code computes a stage of <paramref name="kind"/>: the one <see cref="RunAsync"/> calls.</summary>
    public static Type Executor(StageKind kind) => kind switch
    {
        StageKind.Data => typeof(DataStage),
        StageKind.Pretrain => typeof(PretrainStage),
        StageKind.Weights => typeof(WeightsStage),
        StageKind.Weak or StageKind.Ceiling or StageKind.Transfer or StageKind.Bootstrap => typeof(TrainStage),
        StageKind.Features => typeof(FeaturesStage),
        StageKind.Label => typeof(LabelStage),
        StageKind.Evaluate => typeof(Evaluation),
        _ => throw new NotSupportedException($"stage kind {kind}"),
    };

}
