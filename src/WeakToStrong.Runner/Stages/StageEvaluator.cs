using System.Text.Json.Nodes;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Formats;
using WeakToStrong.Runner.Models;
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

    public StageEvaluator(ITextEncoder encoder, TrainingSpec training, IReadOnlyList<ClassificationItem> test, ClassifierStage.Supervisor? supervisor)
    {
        testIds = ItemEncoding.Encode(encoder, test, training.MaxCtx);
        testTruth = test.Select(i => ItemEncoding.OneHot(i.HardLabel)).ToList();
        if (supervisor is null) return;
        testSupervisor = SoftLabels(supervisor.TestLabels, test.Count, "test");
        bool wantsValidation = training.EarlyStopping?.Contains(EarlyStopping.WeakAgreement) == true;
        if (wantsValidation && supervisor.ValidationLabels is { } validation)
        {
            validationIds = ItemEncoding.Encode(encoder, validation, training.MaxCtx);
            validationSupervisor = SoftLabels(validation, validation.Count, "validation");
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
    public static JsonObject Json(EvalPoint e)
    {
        var o = new JsonObject { ["step"] = e.Step };
        foreach (var (name, value) in e.Metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal)) o[name] = value;
        return o;
    }

    static List<float[]> SoftLabels(IReadOnlyList<ClassificationItem> labelled, int expected, string split)
    {
        if (labelled.Count != expected)
            throw new InvalidOperationException($"the supervisor labelled {labelled.Count} {split} items, the split has {expected}");
        return labelled.Select(i => i.SoftLabel is { Count: 2 } s ? new[] { (float)s[0], (float)s[1] }
            : throw new InvalidOperationException($"supervisor label of {split} item '{i.Id}' is not a 2-class soft label")).ToList();
    }
}
