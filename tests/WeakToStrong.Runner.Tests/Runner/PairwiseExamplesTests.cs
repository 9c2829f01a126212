using System.Text;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Formats;
using WeakToStrong.Runner.Examples;
using WeakToStrong.Training.Models;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>How a stage presents preference pairs: a seeded, per-item order and targets that follow the chosen side.</summary>
public class PairwiseExamplesTests
{
    static PairwiseItem Pair(int i, double? s = null) => new($"id{i}", $"g{i}", $"Q{i}", $"chosen {i}", $"rejected {i}", s);

    [Fact]
    public void PairOrderIsAFunctionOfIdAndRunSeedOnlyAndRoughlyBalanced()
    {
        var ids = Enumerable.Range(0, 2000).Select(i => $"id{i}").ToList();
        var seed0 = ids.Select(id => PairOrder.ChosenFirst(id, 0)).ToList();
        Assert.Equal(seed0, ids.Select(id => PairOrder.ChosenFirst(id, 0)));
        // The item's content and position do not enter: only its id.
        Assert.Equal(PairOrder.ChosenFirst("id7", 0), PairOrder.ChosenFirst(new PairwiseItem("id7", "other", "P", "x", "y"), 0));
        // 2000 fair coins: mean 1000, sd ~22; ±100 is 4.5 sd.
        Assert.InRange(seed0.Count(c => c), 900, 1100);
        // Another run seed is another order (about half the pairs flip).
        var seed1 = ids.Select(id => PairOrder.ChosenFirst(id, 1)).ToList();
        Assert.InRange(seed0.Zip(seed1).Count(p => p.First != p.Second), 900, 1100);
    }

    [Fact]
    public void GroundTruthIsOneHotOnTheChosenSideAndTheEncodingPutsThatSideFirst()
    {
        var items = Enumerable.Range(0, 40).Select(i => Pair(i)).ToList();
        var set = new PairwiseExamples(items, runSeed: 3);
        var ids = set.Encode(new CharEncoder(), maxCtx: 1000);
        Assert.Contains(true, Enumerable.Range(0, 40).Select(set.ChosenFirst));
        Assert.Contains(false, Enumerable.Range(0, 40).Select(set.ChosenFirst));
        for (int i = 0; i < items.Count; i++)
        {
            Assert.Equal(set.ChosenFirst(i) ? [1f, 0f] : [0f, 1f], set.Truth(i));
            Assert.Null(set.SupervisorLabel(i));
            Assert.Equal(set.Truth(i), set.Target(i));
            var (a, _) = PairPacking.Unpack(ids[i]);
            string first = new(a.Select(c => (char)c).ToArray());
            Assert.Equal($"Q{i}\n" + (set.ChosenFirst(i) ? items[i].Chosen : items[i].Rejected), first);
        }
    }

    [Fact]
    public void EachResponseIsTruncatedToMaxCtxBeforePacking()
    {
        var set = new PairwiseExamples([new PairwiseItem("x", "g", "PROMPT", "long chosen answer", "r")], runSeed: 0);
        var (a, b) = PairPacking.Unpack(set.Encode(new CharEncoder(), maxCtx: 9)[0]);
        string Text(int[] ids) => new(ids.Select(c => (char)c).ToArray());
        var (chosen, rejected) = set.ChosenFirst(0) ? (a, b) : (b, a);
        Assert.Equal("PROMPT\nlo", Text(chosen));
        Assert.Equal("PROMPT\nr", Text(rejected));
    }

    [Fact]
    public void LabelsAreStoredAsPChosenAndReadBackAsTheTargetOfTheSamePresentation()
    {
        var items = Enumerable.Range(0, 20).Select(i => Pair(i)).ToList();
        var set = new PairwiseExamples(items, runSeed: 5);
        // The weak model's (a, b) probabilities: item i prefers a with 0.1 + 0.04·i.
        var probabilities = Enumerable.Range(0, 20).Select(i => new[] { 0.1f + 0.04f * i, 0.9f - 0.04f * i }).ToList();
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, set.WithSupervisorLabels(probabilities));
            var labelled = (PairwiseExamples)ExampleSet.Read(Setting.RewardModel, path, runSeed: 5);
            for (int i = 0; i < items.Count; i++)
            {
                float pa = probabilities[i][0];
                double s = (double)labelled.Items[i].SoftPreference!;
                Assert.Equal(set.ChosenFirst(i) ? pa : probabilities[i][1], s);   // P(chosen preferred)
                Assert.Equal(set.ChosenFirst(i), labelled.ChosenFirst(i));
                var target = labelled.Target(i);
                Assert.Equal(pa, target[0], 6);
                Assert.Equal(1 - pa, target[1], 6);
            }
            Assert.DoesNotContain("soft_label", Encoding.UTF8.GetString(File.ReadAllBytes(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>One token per character: lets a test read back exactly what was encoded.</summary>
    sealed class CharEncoder : ITextEncoder
    {
        public int[] Encode(string text) => text.Select(c => (int)c).ToArray();
        public int PadId => 0;
    }
}
