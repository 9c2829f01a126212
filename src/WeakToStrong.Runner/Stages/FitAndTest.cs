using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Statistics;
using WeakToStrong.Data.Formats;
using WeakToStrong.Runner.Examples;
using WeakToStrong.Runner.Families;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Runner.Stages.Metrics;
using WeakToStrong.Training.Losses;
using WeakToStrong.Training.Throughput;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// Fine-tunes one model on one split's targets and evaluates it on test: the weak model and the ceiling (ground
/// truth: xent, or Bradley–Terry on hard preferences for reward models) and the weak-to-strong student (weak soft
/// labels, one loss each) are all fitted here, classifiers, reward models and probes alike, in either setting
/// (<see cref="ExampleSet"/>). Not a stage itself: <see cref="TrainStage"/> is the stage that calls it.
/// The final checkpoint is what the stage reports and saves (docs/engine.md "What a stage reports"); the paper's
/// early-stopping variants, when the manifest asks for them, are reported beside it (<see cref="StageEarlyStopping"/>).
/// </summary>
public static class FitAndTest
{
    public sealed record Request(
        string StageId,
        ModelSpec Model,
        TrainingSpec Training,
        LossSpec Loss,
        int Seed,
        ExampleSet Train,
        ExampleSet Test,
        string? PretrainedBody,
        string Device,
        string WorkDir)
    {
        /// <summary>Classification items as they are read from a split or labels file.</summary>
        public Request(string stageId, ModelSpec model, TrainingSpec training, LossSpec loss, int seed,
            IReadOnlyList<ClassificationItem> train, IReadOnlyList<ClassificationItem> test, string? pretrainedBody, string device, string workDir)
            : this(stageId, model, training, loss, seed, new ClassificationExamples(train), new ClassificationExamples(test), pretrainedBody, device, workDir)
        {
        }

        /// <summary>A student's supervisor labels: set for transfer and bootstrap stages, null for ground-truth training.</summary>
        public Supervisor? Supervision { get; init; }

        /// <summary>Where the training keeps a resumable state (<see cref="TrainingResume"/>); null: it does not.</summary>
        public string? ResumeDirectory { get; init; }
    }

    /// <summary>The supervisor's soft labels of the test inputs (agreement) and of the validation split (weak-agreement early stopping).</summary>
    public sealed record Supervisor(ExampleSet TestLabels, ExampleSet? ValidationLabels);

    public static StageResult Run(Request r, IRunProgress progress)
    {
        if (r.Train.Setting != r.Test.Setting)
            throw new InvalidOperationException($"{r.StageId}: trains on {r.Train.Setting} items but tests on {r.Test.Setting} items");
        using var model = ModelFactory.Create(r.Model, r.Seed, r.Training.MaxCtx, r.PretrainedBody, r.Train.Setting);
        var train = r.Train.Encode(model.Encoder, r.Training.MaxCtx).Select((ids, i) => (ids, r.Train.Target(i))).ToList();
        var evaluator = new StageEvaluator(model.Encoder, r.Training, r.Test, r.Supervision);

        var options = TrainOptionsMapping.Options(r.Training, r.Seed, r.Device) with
        {
            Evaluate = evaluator.Evaluate,
            StateDirectory = r.ResumeDirectory,
            SaveInterval = r.ResumeDirectory is null ? null : TrainingResume.SaveInterval,
        };
        if (TrainingResume.Describe(r.ResumeDirectory) is { } resuming) progress.Info($"{r.StageId}: {resuming}");
        var loss = LossFactory.Create(r.Loss);
        var result = SupervisedTrainer.Train(model, train, options, loss, new StageStepProgress(progress, r.StageId));

        string checkpoint = Path.Combine(r.WorkDir, "model.safetensors");
        Checkpoint.Save(model.Module, checkpoint);

        var curve = result.Evaluations.Select(StageEvaluator.Point).ToList();
        if (evaluator.Evaluations != curve.Count - result.ResumedEvaluations)
            throw new InvalidOperationException($"{r.StageId}: {evaluator.Evaluations} evaluations ran for {curve.Count - result.ResumedEvaluations} new curve points");
        var testCorrect = evaluator.FinalTestCorrect;
        var metrics = new TrainMetrics
        {
            TestAcc = curve[^1].TestAcc,
            Agreement = curve[^1].Agreement,
            TestCorrect = ItemOutcomes.Encode(testCorrect),
            TestItems = testCorrect.Count,
            TestPositiveRate = evaluator.FinalTestPositiveRate,
            TrainExamples = train.Count,
            Steps = result.Steps,
            FinalLoss = result.Losses.Count > 0 ? result.Losses[^1] : null,
            TrainingCurve = TrainingCurve.Of(result.Losses, result.LearningRates),
            Evaluations = curve,
            EarlyStopping = StageEarlyStopping.Report(r.Training.EarlyStopping, result.Evaluations, r.Supervision is not null),
        };
        var loop = ThroughputReport.Measure(result.TokensTrained, result.PaddedTokens, result.TrainingTime,
            FlopModel.TrainingPerToken(model.Module), SupervisedTrainer.ComputeType(options.Precision));
        var timing = StageTiming.Json(loop, result.Elapsed, result.EvaluationTime);
        return StageResult.Of(new Dictionary<string, string> { ["model"] = checkpoint }, metrics) with { Timing = timing };
    }
}
