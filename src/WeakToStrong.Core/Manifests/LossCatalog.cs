using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace WeakToStrong.Core.Manifests;

/// <summary>One loss: its manifest name, the setting it trains, and the parameters it takes with their defaults.</summary>
/// <param name="Parameters">Parameter name (a <see cref="LossSpec"/> property, as JSON names it) → default value.</param>
public sealed record LossDescriptor(LossName Name, Setting Setting, IReadOnlyDictionary<string, object> Parameters);

/// <summary>
/// The losses: every fact about a loss except its tensor code (Training's class carrying <c>[Loss(name)]</c>) lives in
/// this one table — which parameters it takes, their defaults (hashed into transfer keys as filled in), the setting it
/// applies to. The validator, the plan compiler and the loss factory all read it.
/// </summary>
public static class LossCatalog
{
    /// <remarks>logconf/entropy: the paper's linear warm-up over 20% to 0.5 (the reference code's is "step", 0.1;
    /// docs/engine.md "Losses"). product: α = β = 1 (reference). window: radius 0.1 (EleutherAI/w2s's default is not
    /// pinned here; our choice). kl with soft targets has xent's gradient (it differs by the constant H(y)).</remarks>
    public static IReadOnlyList<LossDescriptor> All { get; } =
    [
        new(LossName.Xent, Setting.Classification, new Dictionary<string, object>()),
        new(LossName.LogConf, Setting.Classification, new Dictionary<string, object> { ["auxCoef"] = 0.5, ["warmup"] = Warmup.Linear, ["warmupFrac"] = 0.2 }),
        new(LossName.Product, Setting.Classification, new Dictionary<string, object> { ["alpha"] = 1.0, ["beta"] = 1.0 }),
        new(LossName.Entropy, Setting.Classification, new Dictionary<string, object> { ["auxCoef"] = 0.5, ["warmup"] = Warmup.Linear, ["warmupFrac"] = 0.2 }),
        new(LossName.Window, Setting.Classification, new Dictionary<string, object> { ["radius"] = 0.1 }),
        new(LossName.Kl, Setting.Classification, new Dictionary<string, object>()),
        new(LossName.BradleyTerry, Setting.RewardModel, new Dictionary<string, object>()),
    ];

    public static LossDescriptor Of(LossName name) =>
        All.SingleOrDefault(d => d.Name == name) ?? throw new InvalidOperationException($"loss '{Name(name)}' has no entry in LossCatalog.All");

    public static IReadOnlyList<string> Parameters(LossName name) => [.. Of(name).Parameters.Keys];

    /// <summary>The parameters a loss declaration sets (its non-null properties other than name and label).</summary>
    public static IReadOnlyList<string> SetParameters(LossSpec loss) =>
        [.. Json(loss).Select(kv => kv.Key).Where(k => k is not ("name" or "label"))];

    /// <summary>The loss with every applicable parameter filled: what a transfer stage's key hashes and the factory builds.</summary>
    public static LossSpec Effective(LossSpec loss)
    {
        var node = Json(loss);
        foreach (var (parameter, value) in Of(loss.Name).Parameters)
            node[parameter] ??= JsonSerializer.SerializeToNode(value, value.GetType(), ManifestJson.Options);
        return node.Deserialize<LossSpec>(ManifestJson.Options)!;
    }

    public static string Label(LossSpec loss) => loss.Label ?? Name(loss.Name);

    public static string Name(LossName name) =>
        typeof(LossName).GetField(name.ToString())!.GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false)
            .OfType<JsonStringEnumMemberNameAttribute>().Single().Name;

    static JsonObject Json(LossSpec loss) => JsonSerializer.SerializeToNode(loss, ManifestJson.Options)!.AsObject();
}
