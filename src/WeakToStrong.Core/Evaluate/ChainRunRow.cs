namespace WeakToStrong.Core.Evaluate;

/// <summary>One chain, loss and seed: the final model against m0's weak model and mN's ceiling, and every step's accuracies.</summary>
public sealed record ChainRunRow
{
    public required IReadOnlyList<string> Chain { get; init; }
    public required string Loss { get; init; }
    public required int Seed { get; init; }
    public required double WeakAcc { get; init; }
    public required double BootstrapAcc { get; init; }
    public required double CeilingAcc { get; init; }
    public double? Pgr { get; init; }
    public string? Flag { get; init; }
    public double? DirectTransferAcc { get; init; }

    /// <summary>The direct transfer's PGR against the same weak model and ceiling.</summary>
    public double? DirectPgr { get; init; }

    public required IReadOnlyList<ChainStep> Steps { get; init; }
}

/// <summary>One model of a chain: its test accuracy, and the accuracy of the train2 labels it made for the next model.</summary>
public sealed record ChainStep(string Model, double TestAcc, double? Train2Acc);
