using WeakToStrong.Core.Stages;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Runner.Examples;
using WeakToStrong.Runner.Stages.Metrics;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// What a training stage measures at each point of its eval schedule: ground-truth test accuracy; for a student,
/// agreement with its supervisor on the same test inputs (paper §5.1: how much the student imitates the weak
/// model's errors); and, when weak-agreement early stopping is asked for, agreement on the validation split.
/// Agreement is argmax equality with the supervisor's soft label (ties → class 0, like accuracy).
/// The same pass keeps each test item's outcome and the share predicted as class 1; the last evaluation's (the
/// final checkpoint's) are what the stage records (<see cref="FinalTestCorrect"/>, <see cref="FinalTestPositiveRate"/>).
/// </summary>
public sealed class StageEvaluator
{
    public const string TestAcc = "testAcc", Agreement = "agreement", ValidationAgreement = "validationAgreement";

    private readonly int[][] testIds;
    private readonly List<float[]> testTruth;
    private readonly List<float[]>? testSupervisor;
    private readonly int[][]? validationIds;
    private readonly List<float[]>? validationSupervisor;
    private bool[]? lastTestCorrect;
    private double lastTestPositiveRate = double.NaN;

    /// <summary>How many times <see cref="Evaluate"/> ran: one per point of the eval curve.</summary>
    public int Evaluations { get; private set; }

    /// <summary>Per test item, in test-split order, whether the last evaluated model's argmax was the ground truth.</summary>
    public IReadOnlyList<bool> FinalTestCorrect => lastTestCorrect ?? throw new InvalidOperationException("no model was evaluated");

    /// <summary>The last evaluated model's share of test items predicted as class 1.</summary>
    public double FinalTestPositiveRate => Evaluations > 0 ? lastTestPositiveRate : throw new InvalidOperationException("no model was evaluated");

    public StageEvaluator(ITextEncoder encoder, TrainingSpec training, ExampleSet test, FitAndTest.Supervisor? supervisor)
    {
        testIds = test.Encode(encoder, training.MaxCtx);
        testTruth = Enumerable.Range(0, test.Count).Select(test.Truth).ToList();
        if (supervisor is null) return;
        testSupervisor = SoftLabels(supervisor.TestLabels, test, "test");
        bool wantsValidation = training.EarlyStopping?.Contains(EarlyStopping.WeakAgreement) == true;
        if (wantsValidation && supervisor.ValidationLabels is { } validation)
        {
            validationIds = validation.Encode(encoder, training.MaxCtx);
            validationSupervisor = SoftLabels(validation, validation, "validation");
        }
    }

    public IReadOnlyDictionary<string, double> Evaluate(ISequenceClassifier model)
    {
        var predictions = Predictor.PredictProbabilities(model, testIds, 64);
        var metrics = new Dictionary<string, double> { [TestAcc] = ReferenceAccuracy.Accuracy(predictions, testTruth) };
        (lastTestCorrect, lastTestPositiveRate) = Outcomes(predictions, testTruth);
        Evaluations++;
        if (testSupervisor is not null) metrics[Agreement] = ReferenceAccuracy.Accuracy(predictions, testSupervisor);
        if (validationIds is not null)
            metrics[ValidationAgreement] = ReferenceAccuracy.Accuracy(Predictor.PredictProbabilities(model, validationIds, 64), validationSupervisor!);
        return metrics;
    }

    /// <summary>
    /// Per item whether argmax(prediction) == argmax(truth) (<see cref="ReferenceAccuracy.ArgMax"/>: a tie goes to class 0, as
    /// <see cref="ReferenceAccuracy.Accuracy"/> counts it), and the share of items predicted as class 1.
    /// </summary>
    public static (bool[] Correct, double PositiveRate) Outcomes(IReadOnlyList<float[]> predictions, IReadOnlyList<float[]> truth)
    {
        if (predictions.Count != truth.Count) throw new ArgumentException("Predictions and labels differ in count.");
        var correct = new bool[predictions.Count];
        int positive = 0;
        for (int i = 0; i < correct.Length; i++)
        {
            int predicted = ReferenceAccuracy.ArgMax(predictions[i]);
            correct[i] = predicted == ReferenceAccuracy.ArgMax(truth[i]);
            positive += predicted;
        }
        return (correct, correct.Length == 0 ? double.NaN : (double)positive / correct.Length);
    }

    /// <summary>One point of the curve as the record stores it: the step and every metric measured there.</summary>
    public static CurvePoint Point(StepEvaluation e) => new(e.Step, e.Metrics[TestAcc])
    {
        Agreement = e.Metrics.TryGetValue(Agreement, out var a) ? a : null,
        ValidationAgreement = e.Metrics.TryGetValue(ValidationAgreement, out var v) ? v : null,
    };

    static List<float[]> SoftLabels(ExampleSet labelled, ExampleSet split, string name)
    {
        if (labelled.Count != split.Count)
            throw new InvalidOperationException($"the supervisor labelled {labelled.Count} {name} items, the split has {split.Count}");
        return Enumerable.Range(0, labelled.Count).Select(i =>
            labelled.IdOf(i) != split.IdOf(i)
                ? throw new InvalidOperationException($"{name} item {i} is '{split.IdOf(i)}', the supervisor labelled '{labelled.IdOf(i)}'")
                : labelled.SupervisorLabel(i) ?? throw new InvalidOperationException($"{name} item '{labelled.IdOf(i)}' has no supervisor label")).ToList();
    }
}
