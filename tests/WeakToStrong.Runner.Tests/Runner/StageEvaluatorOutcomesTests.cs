using WeakToStrong.Core.Statistics;
using WeakToStrong.Runner.Stages;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>The per-item outcomes a training stage records beside its test accuracy, from the same predictions.</summary>
public class StageEvaluatorOutcomesTests
{
    [Fact]
    public void Each_item_is_right_when_its_argmax_is_the_truths_a_tie_going_to_class_zero()
    {
        float[][] predictions = [[0.2f, 0.8f], [0.5f, 0.5f], [0.9f, 0.1f], [0.4f, 0.6f], [0.5f, 0.5f]];
        float[][] truth = [[0f, 1f], [1f, 0f], [0f, 1f], [1f, 0f], [0f, 1f]];

        var (correct, positiveRate) = StageEvaluator.Outcomes(predictions, truth);

        // item 1: a tie predicts class 0, which is the truth; item 4: a tie predicts 0, the truth is 1.
        Assert.Equal([true, true, false, false, false], correct);
        Assert.Equal(0.4, positiveRate); // items 0 and 3 predicted as class 1
        Assert.Equal(correct.Count(c => c) / (double)correct.Length,
            WeakToStrong.Training.Trainer.ReferenceAccuracy.Accuracy(predictions, truth)); // the same count as the recorded accuracy
        Assert.Equal(correct, ItemOutcomes.Decode(ItemOutcomes.Encode(correct), correct.Length));
    }

    [Fact]
    public void A_constant_predictor_has_a_positive_rate_of_zero_or_one()
    {
        float[][] ones = [[0.1f, 0.9f], [0.3f, 0.7f]];
        float[][] truth = [[0f, 1f], [1f, 0f]];

        Assert.Equal(1.0, StageEvaluator.Outcomes(ones, truth).PositiveRate);
        Assert.Equal(0.0, StageEvaluator.Outcomes(truth.Select(t => new[] { 1f, 0f }).ToArray(), truth).PositiveRate);
    }

    [Fact]
    public void Predictions_and_truth_of_different_lengths_are_refused() =>
        Assert.Throws<ArgumentException>(() => StageEvaluator.Outcomes([[0f, 1f]], []));
}
