using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Losses;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Trainer;
using static TorchSharp.torch;

namespace WeakToStrong.Runner.Tests.Training;

public class MinibatchCompositionTests
{
    [Fact]
    public void ByLengthSortsStablyAndFillsUpToTheBudget()
    {
        int[] cost = [5, 1, 3, 1, 8, 2, 2, 7];
        var plan = MinibatchPlan.Compose(cost, minibatchSize: 2, budget: 2 * 8, MinibatchComposition.ByLength);
        Assert.Equal([[1, 3, 5, 6, 2], [0, 7], [4]], plan);
        Assert.All(plan, m => Assert.True(m.Length * m.Max(i => cost[i]) <= 16));
    }

    [Fact]
    public void InOrderIsTheReferencesConsecutiveRuns()
    {
        var plan = MinibatchPlan.Compose([5, 1, 3, 1, 8, 2, 2], minibatchSize: 2, budget: 0, MinibatchComposition.InOrder);
        Assert.Equal([[0, 1], [2, 3], [4, 5], [6]], plan);
    }

    [Fact]
    public void APackedPairCostsTwoRowsOfItsLongerSide()
    {
        using var model = PairwiseRewardModel.Gpt2(TinyTask.Config, seed: 0);
        Assert.Equal(2 * 5, MinibatchPlan.Cost(model, PairPacking.Pack([1, 2, 3], [4, 5, 6, 7, 8])));
    }

    public static TheoryData<string> Losses => new() { "xent", "logconf" };

    [Theory]
    [MemberData(nameof(Losses))]
    public void ByLengthUpdateEqualsTheInOrderUpdateWithinFloatSummationError(string lossName)
    {
        // Lengths 3–10 in batches of 16 and minibatches of 4: the compositions differ in every step.
        var data = TinyTask.Examples(32, seed: 7);
        ILoss Loss() => lossName == "xent" ? new XentLoss() : new LogConfidenceLoss(new AuxWarmup(0.5, 0.1, Warmup.Step));
        float[][] Train(MinibatchComposition composition, out TrainResult result)
        {
            using var model = Gpt2Classifier.Create(TinyTask.Config, seed: 3);
            var options = new TrainOptions { LearningRate = 1e-3, BatchSize = 16, MinibatchSize = 4, Epochs = 1, Composition = composition };
            result = SupervisedTrainer.Train(model, data, options, Loss());
            return model.parameters().Select(p => p.detach().flatten().data<float>().ToArray()).ToArray();
        }
        var inOrder = Train(MinibatchComposition.InOrder, out var a);
        var byLength = Train(MinibatchComposition.ByLength, out var b);
        using var init = Gpt2Classifier.Create(TinyTask.Config, seed: 3);
        var initial = init.parameters().Select(p => p.detach().flatten().data<float>().ToArray()).ToArray();

        double maxDiff = 0, maxMove = 0;
        for (int i = 0; i < inOrder.Length; i++)
            for (int j = 0; j < inOrder[i].Length; j++)
            {
                maxDiff = Math.Max(maxDiff, Math.Abs(inOrder[i][j] - byLength[i][j]));
                maxMove = Math.Max(maxMove, Math.Abs(inOrder[i][j] - initial[i][j]));
            }
        // Two Adam steps at lr 1e-3 move weights by ~2e-3; a different summation order moves them by float
        // rounding of the gradient (relative 1e-7), amplified at most by Adam's normalisation of tiny gradients.
        Assert.True(maxMove > 1e-3, $"the weights barely moved ({maxMove})");
        Assert.True(maxDiff < 1e-5, $"updates differ by {maxDiff}");
        for (int s = 0; s < a.Losses.Count; s++) Assert.Equal(a.Losses[s], b.Losses[s], 5);
        Assert.True(b.PaddedTokens < a.PaddedTokens, $"padded {b.PaddedTokens} by length against {a.PaddedTokens} in order");
        Assert.Equal(a.TokensTrained, b.TokensTrained);
    }

    [Fact]
    public void PredictionsComeBackInInputOrderAndEqualOneAtATime()
    {
        var data = TinyTask.Examples(40, seed: 8).Select(d => d.Ids).ToList();
        using var model = Gpt2Classifier.Create(TinyTask.Config, seed: 4);
        // A zero head would predict (0.5, 0.5) for everything: a few training steps make the predictions differ.
        SupervisedTrainer.Train(model, TinyTask.Examples(32, seed: 9), new TrainOptions { LearningRate = 3e-3, BatchSize = 16, Epochs = 4 }, new XentLoss());
        var batched = Predictor.PredictProbabilities(model, data, 8, out var tokens);
        Assert.Equal(data.Sum(d => d.Length), tokens.Real);
        Assert.True(batched.Select(p => p[0]).Distinct().Count() > 10);
        for (int i = 0; i < data.Count; i++)
        {
            var alone = Predictor.PredictProbabilities(model, [data[i]], 1);
            Assert.Equal(alone[0][0], batched[i][0], 5);
        }
    }

    [Fact]
    public void EagerAttentionEqualsLibTorchsFusedKernel()
    {
        var gen = manual_seed(11);
        var q = randn(2, 3, 7, 8);
        var k = randn(2, 3, 7, 8);
        var v = randn(2, 3, 7, 8);
        var allowed = rand(2, 1, 7, 7).gt(0.3).logical_or(eye(7, dtype: ScalarType.Bool));
        var masked = EagerAttention.Attend(q, k, v, allowed);
        var fused = nn.functional.scaled_dot_product_attention(q, k, v, allowed);
        Assert.True(masked.allclose(fused, rtol: 1e-5, atol: 1e-6));
        var causal = EagerAttention.Attend(q, k, v, null, causal: true);
        var fusedCausal = nn.functional.scaled_dot_product_attention(q, k, v, is_casual: true);
        Assert.True(causal.allclose(fusedCausal, rtol: 1e-5, atol: 1e-6));
        Assert.False(causal.allclose(EagerAttention.Attend(q, k, v, null), rtol: 1e-3, atol: 1e-3));
    }
}
