using System.ComponentModel;
using System.Text.Json;

namespace WeakToStrong.Core.Manifests;

/// <summary>Named override sets. Each maps a dotted path (e.g. data.split.train1) to the value it takes at that scale.</summary>
public sealed record ScalesSpec
{
    public static readonly IReadOnlyList<string> Names = ["smoke", "gate", "cpu", "paper"];

    [Description("Minutes on 2 CPU cores: CI and first contact.")]
    public IReadOnlyDictionary<string, JsonElement>? Smoke { get; init; }

    [Description("The pull-request gate: one seed, at most 3 minutes on 2 CPU cores with pretraining cached, a weak-ceiling gap of at least 5 standard errors (docs/gate.md).")]
    public IReadOnlyDictionary<string, JsonElement>? Gate { get; init; }

    [Description("Hours on a CPU machine: the bundled results.")]
    public IReadOnlyDictionary<string, JsonElement>? Cpu { get; init; }

    [Description("The paper's models and hyper-parameters (GPU, user-supplied weights).")]
    public IReadOnlyDictionary<string, JsonElement>? Paper { get; init; }
}

public sealed record GateTolerance
{
    public static readonly IReadOnlyList<string> KnownMetrics =
        ["pgr.median", "pgr.mean", "weak.acc", "ceiling.acc", "transfer.acc", "agreement", "bootstrap.acc"];

    [System.ComponentModel.DataAnnotations.Range(0.0, 1e9), Description("Allowed absolute difference from the snapshot.")]
    public double? Abs { get; init; }

    [System.ComponentModel.DataAnnotations.Range(0.0, 1e9), Description("Allowed relative difference from the snapshot.")]
    public double? Rel { get; init; }

    [Description("How and when the tolerance was derived (seeds, spreads, formula, date), as `w2s gate --derive` wrote it (docs/gate.md).")]
    public string? Derivation { get; init; }
}
