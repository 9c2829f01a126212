using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Training.Trainer;

/// <summary>
/// Cosine annealing to 0 without warm-up, the closed form of torch's CosineAnnealingLR(T_max = nsteps,
/// eta_min = 0) stepped once per optimiser step: lr_t = lr·(1 + cos(π·t/nsteps))/2.
/// </summary>
public static class CosineSchedule
{
    public static double LearningRate(double baseLr, int step, int totalSteps) =>
        totalSteps <= 0 ? baseLr : baseLr * (1 + Math.Cos(Math.PI * step / totalSteps)) / 2;

    /// <summary>With a linear warm-up over the first <paramref name="warmupSteps"/> (used for pretraining only).</summary>
    public static double LearningRate(double baseLr, int step, int totalSteps, int warmupSteps) =>
        step < warmupSteps
            ? baseLr * (step + 1) / warmupSteps
            : LearningRate(baseLr, step - warmupSteps, totalSteps - warmupSteps);
}

/// <summary>The learning rate a fine-tuning run uses at each optimiser step, by schedule.</summary>
public static class LearningRates
{
    public static double At(Schedule schedule, double baseLr, int step, int totalSteps) => schedule switch
    {
        Schedule.Cosine => CosineSchedule.LearningRate(baseLr, step, totalSteps),
        Schedule.Constant => baseLr,
        _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule, null),
    };
}
