using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Trainer;
using CorePrecision = WeakToStrong.Core.Manifests.Precision;
using TrainPrecision = WeakToStrong.Training.Trainer.Precision;

namespace WeakToStrong.Runner.Stages;

/// <summary>The shared training settings with one model's overrides applied (a present override wins).</summary>
public static class TrainingSettings
{
    public static TrainingSpec For(TrainingSpec shared, ModelSpec model)
    {
        var o = model.Training;
        if (o is null) return shared;
        return shared with
        {
            Epochs = o.Epochs ?? shared.Epochs,
            BatchSize = o.BatchSize ?? shared.BatchSize,
            MinibatchSize = o.MinibatchSize ?? shared.MinibatchSize,
            Lr = o.Lr ?? shared.Lr,
            MaxCtx = o.MaxCtx ?? shared.MaxCtx,
            Optimizer = o.Optimizer ?? shared.Optimizer,
            Schedule = o.Schedule ?? shared.Schedule,
            Precision = o.Precision ?? shared.Precision,
            EvalEvery = o.EvalEvery ?? shared.EvalEvery,
        };
    }

    public static TrainOptions Options(TrainingSpec t, long seed, string device)
    {
        if (t.Schedule != Schedule.Cosine)
            throw new NotSupportedException($"schedule '{t.Schedule}' is declared but the trainer implements cosine only");
        return new TrainOptions
        {
            LearningRate = t.Lr,
            BatchSize = t.BatchSize,
            MinibatchSize = Math.Min(t.MinibatchSize, t.BatchSize),
            Epochs = t.Epochs,
            Seed = seed,
            Precision = t.Precision == CorePrecision.Bf16 ? TrainPrecision.Bf16 : TrainPrecision.Fp32,
            Device = device,
            EvalEvery = t.EvalEvery,
        };
    }
}
