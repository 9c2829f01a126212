using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Stages;

/// <summary>
/// What a features stage reads: the frozen model (its identity: family, size, body source), the context its inputs
/// are cut to, the setting (single texts or preference pairs), the seed whose splits it reads, and the precision the
/// frozen body computes in. Every probe of this model on this seed's splits trains on its output.
/// </summary>
public sealed record FeaturesParameters(ModelSpec Model, int MaxCtx, Setting Setting, int Seed, Precision Precision) : StageParameters;
