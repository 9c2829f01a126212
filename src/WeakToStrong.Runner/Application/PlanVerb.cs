using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Resolution;
using WeakToStrong.Runner.Identity;

namespace WeakToStrong.Runner.Application;

/// <summary>What `plan` shows: the manifest as it resolves for the request, and the stages `reproduce` would run.</summary>
public sealed record PlanResult(ResolvedManifest Resolved, Plan Plan);

/// <summary>
/// `plan`: resolves and compiles exactly as <see cref="Reproduction"/> does for the same request (the same
/// <see cref="Reproduction.Resolve"/>, the same code fingerprint), so its keys are the keys a run would use. Runs nothing.
/// </summary>
public static class PlanVerb
{
    /// <exception cref="UserError">Unknown experiment, or a manifest or override error.</exception>
    public static PlanResult Run(ReproduceRequest request)
    {
        var resolved = Reproduction.Resolve(request);
        return new PlanResult(resolved, PlanCompiler.Compile(resolved, StageCode.Current));
    }
}
