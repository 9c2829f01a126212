using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace WeakToStrong.Core.Manifests;

/// <summary>A weak-to-strong loss and its parameters (docs/engine.md "Losses"). Unset parameters take the defaults below.</summary>
public sealed record LossSpec
{
    [Description("xent | logconf | product | entropy | window | kl | bradley-terry.")]
    public required LossName Name { get; init; }

    [RegularExpression("^[a-z0-9][a-z0-9-]*$"), Description("Distinguishes two variants of one loss (defaults to name).")]
    public string? Label { get; init; }

    [Range(0.0, 1.0), Description("logconf/entropy: maximum weight of the auxiliary term (paper: 0.5; 0.75 for the largest students).")]
    public double? AuxCoef { get; init; }

    [Description("logconf/entropy: linear (paper) or step (reference code's ramp-then-jump).")]
    public Warmup? Warmup { get; init; }

    [Range(0.0, 1.0), Description("logconf/entropy: fraction of training over which the aux weight ramps.")]
    public double? WarmupFrac { get; init; }

    [Range(0.0, 100.0), Description("product: exponent of the weak labels.")]
    public double? Alpha { get; init; }

    [Range(0.0, 100.0), Description("product: exponent of the student's predictions.")]
    public double? Beta { get; init; }

    [Range(0.0, 0.5), Description("window: train only where max p < 0.5 + radius.")]
    public double? Radius { get; init; }
}
