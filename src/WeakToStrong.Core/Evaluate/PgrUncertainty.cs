using System.Text.Json.Serialization;

namespace WeakToStrong.Core.Evaluate;

/// <summary>
/// What a summary row (a pair's or a chain's) adds to its mean accuracies: the ratio-of-means PGR and the gain with
/// their 95% paired bootstrap intervals (Core's <see cref="Statistics.PgrBootstrap"/>), the error structure on the
/// weak model's wrong and right items (paper Fig. 8c), the test size the SE flags use, and the seeds whose student
/// predicted one class. Null where the stages carry no per-item outcomes (older records, early-stopping variants).
/// Written after the row's own fields (the JSON order is part of the hashed bytes).
/// </summary>
public abstract record PgrUncertainty
{
    [JsonPropertyOrder(100)] public double? PgrRatioOfMeans { get; init; }
    [JsonPropertyOrder(101)] public IReadOnlyList<double>? PgrCi { get; init; }
    [JsonPropertyOrder(102)] public string? PgrCiNote { get; init; }
    [JsonPropertyOrder(103)] public double? Gain { get; init; }
    [JsonPropertyOrder(104)] public IReadOnlyList<double>? GainCi { get; init; }
    [JsonPropertyOrder(105)] public double? WeakWrongAgreement { get; init; }
    [JsonPropertyOrder(106)] public double? ErrorCorrection { get; init; }
    [JsonPropertyOrder(107)] public IReadOnlyList<double>? ErrorCorrectionCi { get; init; }
    [JsonPropertyOrder(108)] public double? WeakRightAccuracy { get; init; }
    [JsonPropertyOrder(109)] public int? TestItems { get; init; }
    [JsonPropertyOrder(110)] public IReadOnlyList<int>? ConstantStudentSeeds { get; init; }
}
