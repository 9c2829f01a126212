using System.Globalization;

namespace WeakToStrong.Training.Losses;

/// <summary>
/// Builds a loss from its manifest name and parameters (numbers, or strings for <c>warmup</c>). Unknown names
/// and unknown parameters are errors, so a typo in a manifest never silently falls back to a default.
/// </summary>
public static class LossFactory
{
    public static IReadOnlyList<string> Names { get; } = ["xent", "logconf", "product", "entropy", "window", "kl", "bradley-terry"];

    public static ILoss Create(string name, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var p = new Params(name, parameters ?? new Dictionary<string, object?>());
        ILoss loss = name switch
        {
            "xent" => new XentLoss(),
            "kl" => new KlLoss(),
            "bradley-terry" => new BradleyTerryLoss(),
            "logconf" => new LogConfidenceLoss(p.Warmup()),
            "entropy" => new EntropyLoss(p.Warmup()),
            "product" => new ProductLoss(p.Number("alpha", 1.0), p.Number("beta", 1.0)),
            "window" => new WindowLoss(p.Number("radius", 0.1)), // the default Core's LossDefaults hashes into stage keys
            _ => throw new ArgumentException($"Unknown loss '{name}'; known: {string.Join(", ", Names)}."),
        };
        p.ThrowOnUnused();
        return loss;
    }

    private sealed class Params(string loss, IReadOnlyDictionary<string, object?> values)
    {
        private readonly HashSet<string> used = new(StringComparer.Ordinal) { "name" };

        // Defaults: the paper's linear warm-up over 20% to 0.5 (docs/engine.md "Losses"); "step" + 0.1 is the reference.
        public AuxWarmup Warmup() => new(
            Number("auxCoef", 0.5),
            Number("warmupFrac", 0.2),
            Text("warmup", "linear") switch
            {
                "linear" => WarmupKind.Linear,
                "step" => WarmupKind.Step,
                var other => throw new ArgumentException($"Loss '{loss}': warmup must be \"linear\" or \"step\", not \"{other}\"."),
            });

        public double Number(string key, double fallback)
        {
            used.Add(key);
            if (!values.TryGetValue(key, out var v) || v is null) return fallback;
            try { return Convert.ToDouble(v is System.Text.Json.JsonElement e ? e.GetDouble() : v, CultureInfo.InvariantCulture); }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or InvalidOperationException)
            {
                throw new ArgumentException($"Loss '{loss}': parameter '{key}' must be a number, got '{v}'.", ex);
            }
        }

        public string Text(string key, string fallback)
        {
            used.Add(key);
            if (!values.TryGetValue(key, out var v) || v is null) return fallback;
            return v is System.Text.Json.JsonElement e ? e.GetString() ?? fallback : v.ToString() ?? fallback;
        }

        public void ThrowOnUnused()
        {
            var unknown = values.Keys.Where(k => !used.Contains(k)).ToList();
            if (unknown.Count > 0)
                throw new ArgumentException($"Loss '{loss}': unknown parameter(s) {string.Join(", ", unknown)}.");
        }
    }
}
