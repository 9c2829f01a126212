using WeakToStrong.Core.Manifests;
namespace WeakToStrong.Training.Losses;

/// <summary>How the auxiliary weight c of logconf/entropy grows with progress f (docs/engine.md "Losses" and "Differences from the reference").</summary>
public enum WarmupKind
{
    /// <summary>The reference code: c = auxCoef·f while f ≤ warmupFrac, then jumps to auxCoef
    /// (weak_to_strong/loss.py; openai/weak-to-strong's open PR #33 calls the jump a bug). Reproduces the reference with warmupFrac 0.1.</summary>
    Step,

    /// <summary>The paper: c = auxCoef·min(1, f/warmupFrac), linear to auxCoef over the first warmupFrac.</summary>
    Linear,
}

/// <summary>The weight c(f) of a warmed-up auxiliary target.</summary>
public sealed record AuxWarmup(double AuxCoef, double WarmupFrac, WarmupKind Kind)
{
    /// <summary>From a filled-in logconf/entropy declaration (defaults are Core's <see cref="LossDefaults"/>).</summary>
    public static AuxWarmup From(LossSpec spec) => new(
        LossFactory.Required(spec.AuxCoef, "auxCoef"),
        LossFactory.Required(spec.WarmupFrac, "warmupFrac"),
        LossFactory.Required(spec.Warmup, "warmup") == Warmup.Step ? WarmupKind.Step : WarmupKind.Linear);

    public double Coefficient(double progress) => Kind switch
    {
        WarmupKind.Step => AuxCoef * (progress > WarmupFrac ? 1.0 : progress),
        WarmupKind.Linear => WarmupFrac <= 0 ? AuxCoef : AuxCoef * Math.Min(1.0, progress / WarmupFrac),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };
}
