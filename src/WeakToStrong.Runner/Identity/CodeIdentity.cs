using System.Reflection;
using System.Text.Json.Nodes;
using TorchSharp;

namespace WeakToStrong.Runner.Identity;

/// <summary>
/// What computed a result, as far as it changes the bits: our assemblies, TorchSharp and LibTorch (docs/architecture.md §6:
/// hashed). Thread count, host and device are provenance, not identity (<see cref="HostProvenance"/>).
/// </summary>
public static class CodeIdentity
{
    /// <summary>The version string stage keys are computed with: bump <see cref="StageCodeVersion"/> when a stage's semantics change.</summary>
    // 7: every stage carries its kind's typed parameter record (the pretrain key now hashes pretrain.precision; label
    // stages hash the model they rebuild; data stages hash the task builder's version and normalised params; metrics are
    // typed records, nulls omitted); gpt2-hf weights stage.
    // 8 (docs/speed.md): minibatches composed by length within each batch, predictions batched by length, attention
    // computed eagerly (not LibTorch's fused kernel), the LM head's backward matmuls in the compute dtype over
    // 1,024-token chunks: the same sums in another float order, so every trained weight's bits move. Label stages
    // predict in their weak model's training precision.
    // 9 (issue 25): training stages record per-item test outcomes and the test positive rate; linearProbe models train
    // and label as heads on a features stage's table (head-only checkpoints); two new weak families.
    public const string StageCodeVersion = "w2s-stages/9";

    /// <summary>
    /// <see cref="Describe()"/> plus <c>types</c>: the token hash of every type the plan's stages run (the union of
    /// their closures, Identity/StageCode.cs), so that `status` can name the types whose change moved a stage's code.
    /// </summary>
    public static JsonObject Describe(Core.Plans.Plan plan)
    {
        var described = Describe();
        var types = plan.Stages.DistinctBy(s => s.Code)
            .SelectMany(s => CodeContent.Closure(StageCode.Roots(s.Kind, s.Parameters)))
            .DistinctBy(t => t.Type).OrderBy(t => t.Type, StringComparer.Ordinal);
        described["types"] = new JsonObject(types.Select(t => KeyValuePair.Create(t.Type, (JsonNode?)t.Hash)));
        return described;
    }

    public static JsonObject Describe() => new()
    {
        ["stages"] = StageCodeVersion,
        ["weakToStrong"] = Informational(typeof(CodeIdentity).Assembly),
        ["torchSharp"] = Informational(typeof(torch).Assembly),
        ["libTorch"] = torch.__version__,
        ["dotnet"] = System.Environment.Version.ToString(),
    };

    /// <summary>The identity as one string, folded into every stage key.</summary>
    public static string Fingerprint()
    {
        var d = Describe();
        return $"{d["stages"]};w2s {d["weakToStrong"]};TorchSharp {d["torchSharp"]};LibTorch {d["libTorch"]}";
    }

    static string Informational(Assembly a)
    {
        string v = a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                   ?? a.GetName().Version?.ToString() ?? "unknown";
        // The SDK appends "+<commit>" when it knows the source revision; the commit is provenance, not identity.
        int plus = v.IndexOf('+');
        return plus < 0 ? v : v[..plus];
    }
}
