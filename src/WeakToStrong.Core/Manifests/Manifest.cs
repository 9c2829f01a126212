using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace WeakToStrong.Core.Manifests;

/// <summary>An experiment manifest: the unit of review (docs/architecture.md §3). Immutable once loaded.</summary>
[Description("A weak-to-strong generalization experiment (Burns et al. 2023), reproducible and hash-audited.")]
public sealed record Manifest
{
    /// <summary>The schema version this loader understands.</summary>
    public const int CurrentSchemaVersion = 1;

    [JsonPropertyName("$schema"), Description("Path or URL of the JSON Schema, for editors.")]
    public string? Schema { get; init; }

    [Range(1, 1), Description("Version of the manifest format. Only 1 exists.")]
    public required int SchemaVersion { get; init; }

    [RegularExpression("^[a-z0-9][a-z0-9-]*$"), Description("Experiment id, lower-case kebab (e.g. nlp-definitions); the --experiment name.")]
    public required string Id { get; init; }

    [RegularExpression(@"^\d+\.\d+\.\d+$"), Description("The experiment's own semantic version; bump it when results are expected to change.")]
    public required string Version { get; init; }

    [MaxLength(2000), Description("What the experiment asks, in a few sentences (at most 2,000 characters: it is printed).")]
    public string? Description { get; init; }

    [Description("classification (soft labels over 2 classes) or reward-model (pairwise preferences).")]
    public Setting Setting { get; init; } = Setting.Classification;

    [Description("Task, pinned sources and split.")]
    public required DataSpec Data { get; init; }

    [MinLength(2), Description("Named models, declared from weakest to strongest. Keys name the models in pairs and bootstrap chains.")]
    public required IReadOnlyDictionary<string, ModelSpec> Models { get; init; }

    [Description("Training hyper-parameters shared by every model (a model may override them).")]
    public TrainingSpec Training { get; init; } = new();

    [Description("In-pipeline language-model pretraining for gpt2-local models.")]
    public PretrainSpec? Pretrain { get; init; }

    [MinLength(1), Description("Weak-to-strong losses; one transfer stage per pair and loss.")]
    public required IReadOnlyList<LossSpec> Losses { get; init; }

    [Description("[weak, strong] model-name pairs. Default: every pair weak before strong in declared order.")]
    public IReadOnlyList<IReadOnlyList<string>>? Pairs { get; init; }

    [Description("Bootstrapping chains [m0, m1, …]: each model is trained on the previous one's labels (paper §4.3.1).")]
    public IReadOnlyList<IReadOnlyList<string>>? Bootstrap { get; init; }

    [MinLength(1), Description("Run seeds; each seed draws its own split and initialisation.")]
    public required IReadOnlyList<int> Seeds { get; init; }

    [Description("The scale both front-ends apply when no --scale is given; it must be declared in 'scales'. Absent: the manifest as written.")]
    public string? DefaultScale { get; init; }

    [Description("Named override sets {dotted.path: value} applied over this manifest: smoke, gate (the PR gate, docs/gate.md), cpu, paper.")]
    public ScalesSpec? Scales { get; init; }

    [Description("PGR baselines: seed-mean (the reference's plots: weak and ceiling accuracy averaged over seeds, every run measured against the means) or per-seed (each run against its own seed's weak model and ceiling).")]
    public PgrBaseline PgrBaseline { get; init; } = PgrBaseline.SeedMean;

    [Range(0.0, 1.0), Description("Fraction of train2's weak labels that the label stages flip (p → 1 − p; the items are drawn from the run seed) before any pair's student reads them: a deliberate regression, the gate's sabotage check (docs/gate.md). Bootstrap chains' links label for themselves and are not flipped. Absent: none.")]
    public double? WeakLabelFlip { get; init; }

    [Description("Gated metric families (weak.acc, ceiling.acc, transfer.acc, agreement, pgr, …) with the tolerances the PR gate holds their rows to, per row where `w2s gate --derive` measured them, and how each was derived (docs/gate.md).")]
    public IReadOnlyDictionary<string, GateTolerance>? Gate { get; init; }
}
