using System.ComponentModel;
using System.Text.Json;

namespace WeakToStrong.Core.Manifests;

/// <summary>Named override sets. Each maps a dotted path (e.g. data.split.train1) to the value it takes at that scale.</summary>
public sealed record ScalesSpec
{
    public static readonly IReadOnlyList<string> Names = ["smoke", "gate", "cpu", "paper"];

    [Description("Minutes on 2 CPU cores: CI and first contact.")]
    public IReadOnlyDictionary<string, JsonElement>? Smoke { get; init; }

    [Description("The pull-request gate: the frozen-feature arm on one fixed split (data.splitPerSeed false) over 5 seeds, whose seed means the gate holds; PGR gated only where the weak-ceiling gap is at least 5 standard errors (docs/gate.md).")]
    public IReadOnlyDictionary<string, JsonElement>? Gate { get; init; }

    [Description("Hours on a CPU machine: the bundled results.")]
    public IReadOnlyDictionary<string, JsonElement>? Cpu { get; init; }

    [Description("The paper's models and hyper-parameters (GPU, user-supplied weights).")]
    public IReadOnlyDictionary<string, JsonElement>? Paper { get; init; }
}

public sealed record GateTolerance
{
    public static IReadOnlyList<string> KnownMetrics => Gate.GateFamilies.All;

    [System.ComponentModel.DataAnnotations.Range(0.0, 1e9), Description("Allowed absolute difference from the snapshot.")]
    public double? Abs { get; init; }

    [System.ComponentModel.DataAnnotations.Range(0.0, 1e9), Description("Allowed relative difference from the snapshot.")]
    public double? Rel { get; init; }

    [Description("Per-row absolute tolerances, by the row's subject (`w64->minilm/xent`, a weak or strong model's name): each row held to its own measured spread (docs/gate.md). A row not named here takes `abs`.")]
    public IReadOnlyDictionary<string, double>? Rows { get; init; }

    /// <summary>The tolerance of the family's row about <paramref name="subject"/>: its own entry in <see cref="Rows"/>, else the family's.</summary>
    public GateTolerance For(string subject) =>
        Rows is not null && Rows.TryGetValue(subject, out var abs) ? this with { Abs = abs, Rel = null, Rows = null } : this with { Rows = null };

    [Description("How and when the tolerance was derived (seeds, spreads, formula, date), as `w2s gate --derive` wrote it (docs/gate.md).")]
    public string? Derivation { get; init; }
}
