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
    public static Task<StageResult> RunAsync(Stage stage, StageInputs inputs, SourceCache sources,
        string device, StageFolders folders, IRunProgress progress, CancellationToken ct) =>
        RouteOf(stage.Kind).Run(new StageCall(stage, inputs, sources, device, folders, progress, ct));

    /// <summary>The class whose code computes a stage of <paramref name="kind"/>: the one <see cref="RunAsync"/> calls.</summary>
    public static Type Executor(StageKind kind) => RouteOf(kind).Executor;

    /// <summary>What an executor may be given: its stage (and so its parameters), its inputs and the machine's services.</summary>
    sealed record StageCall(Stage Stage, StageInputs Inputs, SourceCache Sources, string Device, StageFolders Folders,
        IRunProgress Progress, CancellationToken Ct);

    /// <summary>A kind's executor class and how it is called, side by side so that the two cannot disagree.</summary>
    sealed record Route(Type Executor, Func<StageCall, Task<StageResult>> Run);

    static readonly Route Training = new(typeof(TrainStage), c =>
        Task.FromResult(TrainStage.Run(c.Stage, c.Stage.Read<TrainParameters>(), c.Inputs, c.Device, c.Folders, c.Progress)));

    static readonly IReadOnlyDictionary<StageKind, Route> Routes = new Dictionary<StageKind, Route>
    {
        [StageKind.Data] = new(typeof(DataStage), c => DataStage.RunAsync(c.Stage.Read<DataParameters>(), c.Sources, c.Folders.Work, c.Ct)),
        [StageKind.Pretrain] = new(typeof(PretrainStage), c =>
            PretrainStage.RunAsync(c.Stage.Id, c.Stage.Read<PretrainParameters>(), c.Sources, c.Device, c.Folders.Work, c.Progress, c.Ct)),
        [StageKind.Weights] = new(typeof(WeightsStage), c => WeightsStage.RunAsync(c.Stage.Read<WeightsParameters>(), c.Sources, c.Folders.Work, c.Ct)),
        [StageKind.Weak] = Training,
        [StageKind.Ceiling] = Training,
        [StageKind.Transfer] = Training,
        [StageKind.Bootstrap] = Training,
        [StageKind.Features] = new(typeof(FeaturesStage), c =>
            Task.FromResult(FeaturesStage.Run(c.Stage, c.Stage.Read<FeaturesParameters>(), c.Inputs, c.Folders.Work, c.Progress))),
        [StageKind.Label] = new(typeof(LabelStage), c => Task.FromResult(LabelStage.Run(c.Stage, c.Stage.Read<LabelParameters>(), c.Inputs, c.Folders.Work))),
        [StageKind.Evaluate] = new(typeof(Evaluation), c => Task.FromResult(Evaluation.Evaluate(c.Stage, c.Inputs, c.Folders.Work))),
    };

    static Route RouteOf(StageKind kind) =>
        Routes.TryGetValue(kind, out var route) ? route : throw new NotSupportedException($"stage kind {kind}");
}
