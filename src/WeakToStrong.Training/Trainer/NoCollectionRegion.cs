using System.Runtime;

namespace WeakToStrong.Training.Trainer;

/// <summary>
/// A training step during which the garbage collector does not run. TorchSharp hands libtorch a Scalar's native
/// handle, not the Scalar: a Scalar it converts implicitly (Adam's <c>denom.add_(eps)</c> and
/// <c>addcdiv_(value: −step)</c>, a loss's <c>mul_(1.0 / n)</c>) is unreachable while libtorch still reads it, so a
/// collection then lets its finalizer free it mid-call. Measured on 2026-12-06: two probe stages out of about 300
/// failed "Expected false to be true … toDouble … at::native::add_(Tensor&amp;, Scalar const&amp;, Scalar const&amp;)",
/// both while other processes loaded the 2 cores. Inside a no-GC region nothing is collected, so every temporary the
/// step creates outlives the native calls that read it.
/// </summary>
/// <remarks>
/// <para>Starting a region runs a full blocking collection (<c>GC.CollectionCount(2)</c> rose by exactly 4,000 over a
/// 4,000-step probe fit that started one per step: docs/speed.md "Probe heads"). So a loop that takes many steps
/// <see cref="Hold"/>s the region: its steps share one region until less than <see cref="Margin"/> of the
/// <see cref="Budget"/> is left, and only then is it renewed, with one collection.</para>
/// <para>The region is process-wide, so steps on several threads (parallel tests, two fits in one process) share it.
/// A renewal waits until no step is in flight on any thread: ending a region while another thread's step runs would
/// let a collection free that step's Scalars. A step entered inside another on the same thread is covered by it. A
/// step that allocates more than the budget lets the runtime end the region early, as the runtime's own rule says;
/// the margin is far above what one step allocates (kilobytes for a probe step), so that takes a step that is not
/// a training step's size.</para>
/// </remarks>
public readonly struct NoCollectionRegion : IDisposable
{
    /// <summary>Managed bytes the steps of one region may allocate, over all threads.</summary>
    public const long Budget = 16L << 20;

    /// <summary>A step starts only with at least this much of the budget left; otherwise the region is renewed first.</summary>
    public const long Margin = 4L << 20;

    private static readonly object Gate = new();
    private static int inFlight;  // steps running now, over all threads
    private static int holders;   // loops holding the region between their steps
    private static bool ours;     // the region in force was started here
    private static long startedAt; // GC.GetTotalAllocatedBytes when it was

    [ThreadStatic] private static int depth; // steps open on this thread

    private readonly Kind kind;

    private enum Kind { None, Step, Hold }

    private NoCollectionRegion(Kind kind) => this.kind = kind;

    /// <summary>One step: inside a region with at least <see cref="Margin"/> of its budget left when it starts.</summary>
    public static NoCollectionRegion Enter()
    {
        if (depth++ > 0) return new NoCollectionRegion(Kind.Step);
        lock (Gate)
        {
            while (inFlight > 0 && NeedsRenewal()) Monitor.Wait(Gate);
            if (NeedsRenewal()) Renew();
            inFlight++;
        }
        return new NoCollectionRegion(Kind.Step);
    }

    /// <summary>Keeps the region between a loop's steps until disposed, so that its steps share one region and its
    /// collection. Outside any hold, a step's region ends with the step.</summary>
    public static NoCollectionRegion Hold()
    {
        lock (Gate) holders++;
        return new NoCollectionRegion(Kind.Hold);
    }

    public void Dispose()
    {
        switch (kind)
        {
            case Kind.Step:
                if (--depth > 0) return;
                lock (Gate)
                {
                    inFlight--;
                    EndIfUnused();
                    Monitor.PulseAll(Gate);
                }
                break;
            case Kind.Hold:
                bool last;
                lock (Gate)
                {
                    holders--;
                    last = holders == 0 && inFlight == 0;
                    EndIfUnused();
                }
                // Pay the collection the held region put off here, where no step is in flight, rather than at the
                // next allocation of whatever runs after the loop: code outside a dispose scope then has its own
                // native calls exposed (the segfault in FeatureTable.Create, 2026-12-07).
                if (last) GC.Collect();
                break;
        }
    }

    /// <summary>Collections this type started, for tests and measurements: one per region.</summary>
    public static int Renewals { get; private set; }

    private static bool NeedsRenewal() =>
        GCSettings.LatencyMode != GCLatencyMode.NoGCRegion
        || ours && GC.GetTotalAllocatedBytes(precise: false) - startedAt > Budget - Margin;

    private static void Renew()
    {
        End();
        try
        {
            ours = GC.TryStartNoGCRegion(Budget);
            startedAt = GC.GetTotalAllocatedBytes(precise: false);
            if (ours) Renewals++;
        }
        catch (InvalidOperationException)
        {
            ours = false; // a region someone else started: it covers the step, and its owner ends it
        }
    }

    private static void EndIfUnused()
    {
        if (inFlight == 0 && holders == 0) End();
    }

    private static void End()
    {
        // A step that outgrew the budget let a collection end the region: nothing to end then.
        if (ours && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
            }
        }
        ours = false;
    }
}
