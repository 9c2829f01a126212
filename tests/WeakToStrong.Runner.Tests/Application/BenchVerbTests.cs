using WeakToStrong.Runner.Tests.Training;
using WeakToStrong.Runner.Tests.Runner;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>
/// `bench` on an experiment with a frozen-feature arm: a linear probe is no fine-tuning loop and has no network of
/// its own to predict with (its body's forward is the features stage), so the bench fine-tunes and predicts with the
/// fine-tuned models alone. Before, it picked the probe's ceiling as "the strong model" and threw on every bundled
/// experiment at its default scale. It runs alone: its steps (the width-512 GPT-2's are long) need the process-wide
/// no-GC region that a training test on another thread could end under them (Trainer/NoCollectionRegion.cs; in
/// fresh-ci on 2026-12-06 one such step failed "Expected false to be true" beside the other tests).
/// </summary>
[Collection(NoCollectionRegionCollection.Name)]
public class BenchVerbTests
{
    [Fact]
    public async Task Bench_fine_tunes_and_predicts_with_the_fine_tuned_models_never_a_probe()
    {
        using var experiment = new TinyExperiment(ProbeArmRunFixture.WithProbeArm);
        var result = await BenchVerb.RunAsync(new BenchRequest
        {
            ExperimentsDirectory = experiment.ExperimentsDirectory, Experiments = ["tiny"], Steps = 1, Threads = 2,
            StoreRoot = experiment.NewStore(),
        }, SilentProgress.Instance);

        var tiny = result.Rows.Where(r => r.Experiment == "tiny").ToList();
        // The fine-tuned strong model three times (its precision, the other one, in-order minibatches), then each
        // network's predict pass: the strong model's and the fine-tuned supervisor's, not the probe supervisor's.
        Assert.Equal(["fine-tune gpt2-local w64-l1-h2", "fine-tune gpt2-local w64-l1-h2", "fine-tune gpt2-local w64-l1-h2", "predict gpt2-local w64-l1-h2", "predict gpt2-local w32-l1-h1"],
            tiny.Where(r => r.Loop != "pretrain").Select(r => $"{r.Loop} {r.Model}"));
    }
}
