using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Stages;

/// <summary>What the evaluate stage reads: which runs to collect (pairs and chains × losses × seeds) and the PGR baselines.</summary>
/// <param name="Losses">Loss labels, as stage ids name them.</param>
public sealed record EvaluateParameters(
    IReadOnlyList<IReadOnlyList<string>> Pairs,
    IReadOnlyList<IReadOnlyList<string>> Bootstrap,
    IReadOnlyList<string> Losses,
    IReadOnlyList<int> Seeds,
    PgrBaseline PgrBaseline) : StageParameters;
