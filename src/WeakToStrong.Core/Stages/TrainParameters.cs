using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Stages;

/// <summary>
/// What a training stage (weak, ceiling, transfer, bootstrap step) reads: the model, its effective training settings
/// (shared settings with the model's overrides), the run seed, the split it trains on and, for students, the loss.
/// </summary>
/// <param name="Model">The model's identity without its overrides (those are folded into <paramref name="Training"/>).</param>
/// <param name="Training">Effective settings; <c>ceilingSplit</c> is normalised away (the ceiling's <paramref name="TrainOn"/> carries it), so it never changes a weak or transfer key.</param>
/// <param name="Setting">The items' setting (classification or reward-model): picks the head and the ground-truth loss.</param>
/// <param name="Loss">Students: the weak-to-strong loss with every default filled. Null for ground-truth training.</param>
/// <param name="Step">Bootstrap: the step in its chain (1-based). Null otherwise.</param>
public sealed record TrainParameters(
    ModelSpec Model,
    TrainingSpec Training,
    Setting Setting,
    int Seed,
    DataSplit TrainOn,
    LossSpec? Loss = null,
    int? Step = null) : StageParameters
{
    /// <summary>The loss the stage trains with: <see cref="Loss"/>, else its setting's ground-truth loss (a method,
    /// not a property, so that it is not serialised into the parameters its key hashes).</summary>
    public LossSpec LossToTrainWith() => Loss ?? new LossSpec { Name = Setting == Setting.RewardModel ? LossName.BradleyTerry : LossName.Xent };
}
