using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Trainer;
using CorePrecision = WeakToStrong.Core.Manifests.Precision;
using TrainPrecision = WeakToStrong.Training.Trainer.Precision;

namespace WeakToStrong.Runner.Stages;

/// <summary>A stage's resolved training settings as the trainer's options.</summary>
public static class TrainOptionsMapping
{
    public static TrainOptions Options(TrainingSpec t, long seed, string device)
    {
        return new TrainOptions
        {
            LearningRate = t.Lr,
            BatchSize = t.BatchSize,
            MinibatchSize = Math.Min(t.MinibatchSize, t.BatchSize),
            Epochs = t.Epochs,
            Seed = seed,
            Precision = PrecisionOf(t.Precision),
            Schedule = t.Schedule switch
            {
                Schedule.Cosine => LearningRateSchedule.Cosine,
                Schedule.Constant => LearningRateSchedule.Constant,
                _ => throw new NotSupportedException($"schedule {t.Schedule}"),
            },
            Device = device,
            EvalEvery = t.EvalEvery,
        };
    }

    /// <summary>A manifest's precision as the trainer's (the label stage predicts in its weak model's).</summary>
    public static TrainPrecision PrecisionOf(CorePrecision precision) => precision == CorePrecision.Bf16 ? TrainPrecision.Bf16 : TrainPrecision.Fp32;
}
