using WeakToStrong.Runner;

namespace WeakToStrong.Build.Wiring;

/// <summary>
/// TEMPORARY (issue 2): the shared-library entry points the targets call, until they exist.
/// `WeakToStrong.Runner.Reproduction.Run(ReproduceRequest)` and Core's plan compiler are being written by other
/// engineers; wiring each is replacing one call in Build.Reproduce.cs / Build.Plan.cs, then deleting this file.
/// </summary>
public static class PendingWiring
{
    public static ReproduceResult Reproduce(ReproduceRequest request) =>
        throw new NotImplementedException($"Reproduce is not wired yet: WeakToStrong.Runner.Reproduction.Run does not exist (requested '{request.Experiment}').");

    public static string Plan(ReproduceRequest request) =>
        throw new NotImplementedException($"Plan is not wired yet: Core's plan compiler does not exist (requested '{request.Experiment}').");
}
