using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Pretraining;
using WeakToStrong.Training.Throughput;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Families;

/// <summary>
/// A family whose body the pipeline pretrains (<see cref="BodySource.Pretrain"/> in its row): the pretrain stage
/// reads the manifest's corpus and hands its text here; the family tokenizes it, pretrains its body and writes the
/// body file its training stages load. <c>w2s bench</c> measures the same loop through <see cref="BenchPretraining"/>.
/// </summary>
public interface IPretrainedInPipeline
{
    PretrainedBody Pretrain(ModelSpec model, PretrainSpec spec, string corpusText, string device, string bodyPath, IProgress<TrainProgress> progress);

    /// <summary>The throughput of <see cref="Pretrain"/>'s loop with the manifest's recipe, for <paramref name="steps"/> steps on synthetic tokens.</summary>
    ThroughputReport BenchPretraining(ModelSpec model, PretrainSpec spec, int steps);
}

/// <summary>What a pretraining produced besides its body file: the corpus's size in the family's tokens, the loss and
/// learning-rate curve, and the loop's throughput.</summary>
public sealed record PretrainedBody(int CorpusTokens, PretrainResult Result, ThroughputReport Loop);
