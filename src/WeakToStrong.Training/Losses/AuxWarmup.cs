using WeakToStrong.Core.Manifests;
namespace WeakToStrong.Training.Losses;

/// <summary>The weight c(f) of a warmed-up auxiliary target.</summary>
public sealed record AuxWarmup(double AuxCoef, double WarmupFrac, Warmup Kind)
{
    /// <summary>From a filled-in logconf/entropy declaration (defaults are Core's <see cref="LossCatalog"/>).</summary>
    public static AuxWarmup From(LossSpec spec) => new(
        LossFactory.Required(spec.AuxCoef, "auxCoef"),
        LossFactory.Required(spec.WarmupFrac, "warmupFrac"),
        LossFactory.Required(spec.Warmup, "warmup"));

    public double Coefficient(double progress) => Kind switch
    {
        Warmup.Step => AuxCoef * (progress > WarmupFrac ? 1.0 : progress),
        Warmup.Linear => WarmupFrac <= 0 ? AuxCoef : AuxCoef * Math.Min(1.0, progress / WarmupFrac),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };
}
