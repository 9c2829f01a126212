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
/// </summary>
public static class StageDispatcher
{
    public static async Task<StageResult> RunAsync(Stage stage, StageInputs inputs, SourceCache sources,
        string device, string work, IRunProgress progress, CancellationToken ct) => stage.Kind switch
    {
        StageKind.Data => await DataStage.RunAsync(stage.Read<DataParameters>(), sources, work, ct),
        StageKind.Pretrain => await PretrainStage.RunAsync(stage.Id, stage.Read<PretrainParameters>(), sources, device, work, progress, ct),
        StageKind.Weights => await WeightsStage.RunAsync(stage.Read<WeightsParameters>(), sources, work, ct),
        StageKind.Weak or StageKind.Ceiling or StageKind.Transfer or StageKind.Bootstrap =>
            TrainStage.Run(stage, stage.Read<TrainParameters>(), inputs, device, work, progress),
        StageKind.Features => FeaturesStage.Run(stage, stage.Read<FeaturesParameters>(), inputs, work, progress),
        StageKind.Label => RunLabel(stage, stage.Read<LabelParameters>(), inputs, work),
        StageKind.Evaluate => Evaluation.Evaluate(stage, inputs, work),
        _ => throw new NotSupportedException($"stage kind {stage.Kind}"),
    };

    static StageResult RunLabel(Stage stage, LabelParameters p, StageInputs inputs, string work)
    {
        string weak = inputs.DependencyOfKind(stage, StageKind.Weak);
        string data = inputs.DependencyOfKind(stage, StageKind.Data);
        // A probe supervisor's head reads its features stage's table (the checkpoint holds the head alone).
        string? features = inputs.FileOfKind(stage, FeaturesStage.Output, StageKind.Features);
        return LabelStage.Run(p, inputs.File(weak, "model"), inputs.LabelInputs(data, p.Setting, p.Seed), work, features);
    }
}
