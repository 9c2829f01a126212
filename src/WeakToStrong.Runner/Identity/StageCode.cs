using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Stages;
using WeakToStrong.Data.Tasks;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Families;
using WeakToStrong.Runner.Stages;
using WeakToStrong.Training.Losses;

namespace WeakToStrong.Runner.Identity;

/// <summary>
/// The code a stage runs, as one hash its key folds in (issue 27; docs/architecture.md §6): the closure
/// (<see cref="CodeContent"/>) of its kind's executor (<see cref="StageDispatcher.Executor"/>) and of what its
/// parameters select by reflection (the loss class, the model family, the task builder, the pretraining corpus
/// readers), together with the
/// <see cref="CodeIdentity.Fingerprint"/> label (the hand-kept stage version, TorchSharp and LibTorch). So a changed
/// constant in a loss recomputes the stages trained with that loss and their dependents, and nothing else; a change
/// in reports, the CLI, docs or comments recomputes nothing.
/// </summary>
public sealed class StageCode : IStageCode
{
    public static StageCode Current { get; } = new();

    readonly ConcurrentDictionary<string, string> _byRoots = new(StringComparer.Ordinal);

    StageCode() { }

    public string Label => CodeIdentity.Fingerprint();

    public string Of(StageKind kind, JsonObject parameters)
    {
        var roots = Roots(kind, parameters).Distinct().OrderBy(CodeContent.NameOf, StringComparer.Ordinal).ToList();
        string name = string.Join(';', roots.Select(CodeContent.NameOf));
        return _byRoots.GetOrAdd(name, _ => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{Label}\n{CodeContent.Hash(roots)}"))));
    }

    /// <summary>The types a stage of <paramref name="kind"/> with <paramref name="parameters"/> starts running from.</summary>
    public static IEnumerable<Type> Roots(StageKind kind, JsonObject parameters)
    {
        yield return StageDispatcher.Executor(kind);
        var typed = StageParameters.Read(kind, parameters);
        foreach (var model in Models(typed)) yield return ModelFactory.ClassOf(model);
        if (typed is TrainParameters train) yield return LossFactory.ClassOf(train.LossToTrainWith().Name);
        if (typed is DataParameters data) yield return TaskCatalog.Default.Builder(data.Task).GetType();
        if (typed is PretrainParameters pretrain)
            foreach (var source in pretrain.Pretrain.Corpus) yield return TaskCatalog.Default.CorpusReader(source.Name).GetType();
    }

    static IEnumerable<ModelSpec> Models(StageParameters p) => p switch
    {
        TrainParameters t => [t.Model],
        LabelParameters l => [l.Model],
        FeaturesParameters f => [f.Model],
        PretrainParameters pre => [pre.Model],
        WeightsParameters w => [w.Model],
        _ => [],
    };
}
