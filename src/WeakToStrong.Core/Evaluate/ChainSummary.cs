using System.Text.Json.Serialization;

namespace WeakToStrong.Core.Evaluate;

/// <summary>One bootstrap chain m0 → … → mN and loss over its seeds (paper §4.3.1), beside the direct m0 → mN transfer.</summary>
public sealed record ChainSummary : PgrUncertainty
{
    public required IReadOnlyList<string> Chain { get; init; }
    public required string Loss { get; init; }
    public required int Seeds { get; init; }
    public required int ValidSeeds { get; init; }
    public required double WeakAcc { get; init; }

    /// <summary>The chain's last model's mean test accuracy.</summary>
    public required double BootstrapAcc { get; init; }

    public required double CeilingAcc { get; init; }

    /// <summary>The direct m0 → mN student's mean accuracy, when the manifest runs that pair.</summary>
    public double? DirectTransferAcc { get; init; }

    public double? PgrMedian { get; init; }
    public double? PgrMean { get; init; }
    public double? PgrSe { get; init; }

    /// <summary>"sSEED: why", one per seed without a gap.</summary>
    public required IReadOnlyList<string> Flagged { get; init; }

    /// <summary>"m0->…->mN/loss", as gate metrics name the chain.</summary>
    [JsonIgnore] public string Name => $"{string.Join("->", Chain)}/{Loss}";
}
