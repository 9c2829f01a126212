using System.Text.Json.Serialization;

namespace WeakToStrong.Core.Evaluate;

/// <summary>One (weak, strong, loss) pair over its seeds: mean accuracies and the per-seed PGR's median, mean and SE.</summary>
public sealed record PairSummary : PgrUncertainty
{
    public required string Weak { get; init; }
    public required string Strong { get; init; }
    public required string Loss { get; init; }
    public required int Seeds { get; init; }
    public required int ValidSeeds { get; init; }
    public required double WeakAcc { get; init; }
    public required double TransferAcc { get; init; }
    public required double CeilingAcc { get; init; }

    /// <summary>The student's mean argmax agreement with its supervisor (null when no run reported one).</summary>
    public double? Agreement { get; init; }

    public double? PgrMedian { get; init; }
    public double? PgrMean { get; init; }
    public double? PgrSe { get; init; }

    /// <summary>"weak->strong/loss", as gate metrics and `diff` name the pair.</summary>
    [JsonIgnore] public string Name => $"{Weak}->{Strong}/{Loss}";
}
