using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Stages;

/// <summary>
/// What a features stage reads: the frozen model (its identity: family, size, body source), the context its inputs
/// are cut to, the setting (single texts or preference pairs), the data seeds whose splits it covers (every seed's
/// splits that a probe of this model trains or predicts on, in ascending order), and the precision the frozen body
/// computes in. Every probe of this model, on every seed, trains on its output.
/// </summary>
public sealed record FeaturesParameters(ModelSpec Model, int MaxCtx, Setting Setting, IReadOnlyList<int> DataSeeds, Precision Precision) : StageParameters;
