using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Application;

/// <summary>
/// `reproduce`: runs (or resumes) the request's experiment through <see cref="Reproduction"/> and writes its record.
/// The caller says where progress goes: the verb has no console of its own.
/// </summary>
public static class ReproduceVerb
{
    /// <exception cref="Experiments.ExperimentException">Unknown experiment, or a manifest or override error, before any stage runs.</exception>
    /// <exception cref="Execution.StageFailedException">A stage failed; finished stages stay cached for the next attempt.</exception>
    public static Task<ReproduceResult> RunAsync(ReproduceRequest request, IRunProgress progress, CancellationToken ct = default) =>
        Reproduction.RunAsync(request, progress, ct);
}
