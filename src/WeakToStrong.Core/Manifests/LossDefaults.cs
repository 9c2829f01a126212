using System.Text.Json.Serialization;

namespace WeakToStrong.Core.Manifests;

/// <summary>Which parameters each loss takes and their defaults (docs/engine.md "Losses").</summary>
public static class LossDefaults
{
    public static IReadOnlyList<string> Parameters(LossName name) => name switch
    {
        LossName.LogConf or LossName.Entropy => ["auxCoef", "warmup", "warmupFrac"],
        LossName.Product => ["alpha", "beta"],
        LossName.Window => ["radius"],
        _ => [],
    };

    /// <summary>The loss with every applicable parameter filled: what a transfer stage's key hashes.</summary>
    /// <remarks>logconf/entropy: the paper's linear warm-up over 20% to 0.5 (the reference code's is "step", 0.1).
    /// product: α = β = 1 (reference). window: radius 0.1 (EleutherAI/w2s's default is not pinned here; our choice).</remarks>
    public static LossSpec Effective(LossSpec loss) => loss.Name switch
    {
        LossName.LogConf or LossName.Entropy => loss with
        {
            AuxCoef = loss.AuxCoef ?? 0.5, Warmup = loss.Warmup ?? Warmup.Linear, WarmupFrac = loss.WarmupFrac ?? 0.2,
        },
        LossName.Product => loss with { Alpha = loss.Alpha ?? 1.0, Beta = loss.Beta ?? 1.0 },
        LossName.Window => loss with { Radius = loss.Radius ?? 0.1 },
        _ => loss,
    };

    public static string Label(LossSpec loss) => loss.Label ?? Name(loss.Name);

    public static string Name(LossName name) =>
        typeof(LossName).GetField(name.ToString())!.GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false)
            .OfType<JsonStringEnumMemberNameAttribute>().Single().Name;
}
