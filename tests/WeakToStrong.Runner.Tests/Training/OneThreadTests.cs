using WeakToStrong.Training.Losses;
using WeakToStrong.Training.Probes;
using WeakToStrong.Training.Trainer;
using static TorchSharp.torch;

namespace WeakToStrong.Runner.Tests.Training;

/// <summary>
/// A linear probe trains with one intra-op thread (its operations are too small to share), and every other thread,
/// the caller's and any started later, keeps the count it had.
/// </summary>
[Collection(NoCollectionRegionCollection.Name)] // sets the process's thread count: not beside tests that train
public class OneThreadTests
{
    private static (FeatureProbe Probe, List<(int[] Ids, float[] SoftLabel)> Data) Probe(int n)
    {
        using var features = randn(n, 16, generator: new Generator(11));
        var table = FeatureTable.Create(Enumerable.Range(0, n).Select(i => new[] { i + 1 }).ToList(), features);
        var data = Enumerable.Range(0, n).Select(i => (new[] { i }, i % 3 == 0 ? new[] { 0.9f, 0.1f } : new[] { 0.2f, 0.8f })).ToList();
        return (FeatureProbe.Classifier(table, new RowIds(), maxCtx: 8), data);
    }

    [Fact]
    public void A_probe_trains_on_one_thread_and_the_callers_count_and_the_process_wide_count_stay_as_they_were()
    {
        int before = get_num_threads();
        set_num_threads(2);
        try
        {
            var (probe, data) = Probe(40);
            using var _ = probe;
            var seen = new List<int>();
            SupervisedTrainer.Train(probe, data, new TrainOptions
            {
                LearningRate = 1e-2, BatchSize = 10, MinibatchSize = 10, Epochs = 1, EvalEvery = 1,
                Evaluate = _ => { seen.Add(get_num_threads()); return new Dictionary<string, double>(); },
            }, new XentLoss());

            Assert.Equal([1, 1, 1, 1], seen);
            Assert.Equal(2, get_num_threads());
            int fresh = 0;
            var later = new Thread(() => fresh = get_num_threads()); // copies the process-wide value on first use
            later.Start();
            later.Join();
            Assert.Equal(2, fresh);
        }
        finally
        {
            set_num_threads(before);
        }
    }

    [Fact]
    public void One_thread_work_that_throws_rethrows_on_the_caller_with_its_own_exception()
    {
        var error = Assert.Throws<InvalidDataException>(() => OneThread.Run<int>(() => throw new InvalidDataException("bad row 7")));
        Assert.Equal("bad row 7", error.Message);
    }

    private sealed class RowIds : WeakToStrong.Training.Models.ITextEncoder
    {
        public int[] Encode(string text) => throw new NotSupportedException("the test feeds row ids directly");
        public int PadId => 0;
    }
}
