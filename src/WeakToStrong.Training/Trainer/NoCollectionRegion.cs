using System.Runtime;

namespace WeakToStrong.Training.Trainer;

/// <summary>
/// A training step during which the garbage collector does not run. TorchSharp hands libtorch a Scalar's native
/// handle, not the Scalar: a Scalar it converts implicitly (Adam's <c>denom.add_(eps)</c> and
/// <c>addcdiv_(value: −step)</c>, a loss's <c>mul_(1.0 / n)</c>) is unreachable while libtorch still reads it, so a
/// collection then lets its finalizer free it mid-call. Measured on 2026-12-06: two probe stages out of about 300
/// failed "Expected false to be true … toDouble … at::native::add_(Tensor&amp;, Scalar const&amp;, Scalar const&amp;)",
/// both while other processes loaded the 2 cores. Inside a no-GC region nothing is collected, so every temporary the
/// step creates outlives the native calls that read it. The budget covers the managed wrappers a step allocates
/// (kilobytes); a step that allocates more simply ends the region early, which is the old behaviour.
/// </summary>
public readonly struct NoCollectionRegion : IDisposable
{
    /// <summary>Managed bytes a step may allocate inside the region.</summary>
    public const long Budget = 16L << 20;

    private readonly bool started;

    private NoCollectionRegion(bool started) => this.started = started;

    public static NoCollectionRegion Enter()
    {
        // Already inside one (a nested step, or a step on another thread): that one covers this, and ends it.
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) return new NoCollectionRegion(false);
        try
        {
            return new NoCollectionRegion(GC.TryStartNoGCRegion(Budget));
        }
        catch (InvalidOperationException)
        {
            return new NoCollectionRegion(false); // entered by another thread since the check above
        }
    }

    public void Dispose()
    {
        // A step that outgrew the budget let a collection end the region: nothing to end then. The mode is
        // process-wide, so a step on another thread (parallel tests) may have ended or outgrown it meanwhile.
        if (!started || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
        }
    }
}
