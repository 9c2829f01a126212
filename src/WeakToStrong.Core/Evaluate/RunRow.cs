namespace WeakToStrong.Core.Evaluate;

/// <summary>One student run: its pair, loss and seed, the three accuracies, its agreement, PGR, and why it is excluded (if it is).</summary>
public sealed record RunRow
{
    public required string Weak { get; init; }
    public required string Strong { get; init; }
    public required string Loss { get; init; }
    public required int Seed { get; init; }
    public required double WeakAcc { get; init; }
    public required double TransferAcc { get; init; }
    public required double CeilingAcc { get; init; }
    public double? Agreement { get; init; }
    public double? Pgr { get; init; }
    public string? Flag { get; init; }
}
