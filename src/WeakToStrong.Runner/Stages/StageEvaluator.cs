using WeakToStrong.Core.Manifests;
using WeakToStrong.Runner.Examples;
using WeakToStrong.Runner.Stages.Results;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// What a training stage measures at each point of its eval schedule: ground-truth test accuracy; for a student,
/// agreement with its supervisor on the same test inputs (paper §5.1: how much the student imitates the weak
/// model's errors); and, when weak-agreement early stopping is asked for, agreement on the validation split.
/// Agreement is argmax equality with the supervisor's soft label (ties → class 0, like accuracy).
/// </summary>
public sealed class StageEvaluator
{
    public const string TestAcc = "testAcc", Agreement = "agreement", ValidationAgreement = "validationAgreement";

    private readonly int[][] testIds;
    private readonly List<float[]> testTruth;
    private readonly List<float[]>? testSupervisor;
    private readonly int[][]? validationIds;
    private readonly List<float[]>? validationSupervisor;

    public StageEvaluator(ITextEncoder encoder, TrainingSpec training, ExampleSet test, ClassifierStage.Supervisor? supervisor)
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
        var metrics = new Dictionary<string, double> { [TestAcc] = Metrics.Accuracy(predictions, testTruth) };
        if (testSupervisor is not null) metrics[Agreement] = Metrics.Accuracy(predictions, testSupervisor);
        if (validationIds is not null)
            metrics[ValidationAgreement] = Metrics.Accuracy(Predictor.PredictProbabilities(model, validationIds, 64), validationSupervisor!);
        return metrics;
    }

    /// <summary>One point of the curve as the record stores it: the step and every metric measured there.</summary>
    public static CurvePoint Point(EvalPoint e) => new(e.Step, e.Metrics[TestAcc])
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
