using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Stages;

/// <summary>What the evaluate stage reads: which runs to collect (pairs and chains × losses × seeds) and the PGR baselines.</summary>
/// <param name="Losses">Loss labels, as stage ids name them.</param>
public sealed record EvaluateParameters(
    IReadOnlyList<IReadOnlyList<string>> Pairs,
    IReadOnlyList<IReadOnlyList<string>> Bootstrap,
    IReadOnlyList<string> Losses,
    IReadOnlyList<int> Seeds,
    PgrBaseline PgrBaseline) : StageParameters
{
    /// <summary>
    /// Per pair (aligned with <see cref="Pairs"/>), the seeds it ran on: its strong model's own <c>seeds</c> where the
    /// manifest gives them (a frozen-feature probe runs on more seeds than a fine-tuned model). Null when every pair
    /// ran on <see cref="Seeds"/>.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>>? PairSeeds { get; init; }

    /// <summary>The seeds pair <paramref name="index"/> ran on.</summary>
    public IReadOnlyList<int> SeedsOfPair(int index) => PairSeeds?[index] ?? Seeds;
}
