using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Trainer;

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
            Precision = t.Precision,
            Optimizer = t.Optimizer,
            Schedule = t.Schedule,
            Device = device,
            EvalEvery = t.EvalEvery,
        };
    }
}
