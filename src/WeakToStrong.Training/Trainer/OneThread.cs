using System.Runtime.ExceptionServices;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Trainer;

/// <summary>
/// Runs work with one intra-op thread on a thread of its own, leaving every other thread's count as it was.
/// </summary>
/// <remarks>
/// LibTorch keeps the intra-op thread count per OS thread (OpenMP's and MKL's per-thread settings), plus one
/// process-wide value that a thread copies the first time it runs a parallel operation (ATen's
/// <c>set_num_threads</c> and <c>init_num_threads</c>, aten/src/ATen/ParallelOpenMP.cpp). Setting 1 on the
/// caller's thread would leave that thread at 1 if the work threw, and a thread starting meanwhile would copy 1 for
/// good, and a thread's first use copies it whatever was set there before. So the work gets a fresh thread, which
/// makes that first use and then sets 1 for itself; the caller then sets the process-wide value back
/// to its own count before the work starts, and that fresh thread ends with the work.
/// </remarks>
public static class OneThread
{
    [ThreadStatic] private static bool inside;

    public static T Run<T>(Func<T> work)
    {
        if (inside) return work();
        int threads = get_num_threads(); // the caller's own count (initialised from the process-wide value if new)
        if (threads == 1) return work();
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        using var set = new ManualResetEventSlim();
        using var go = new ManualResetEventSlim();
        var worker = new Thread(() =>
        {
            inside = true;
            get_num_threads(); // a thread's first use copies the process-wide value: let it, before setting 1 over it
            set_num_threads(1);
            set.Set();
            go.Wait();
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, maxStackSize: 16 << 20) { Name = "w2s one-thread work", IsBackground = true };
        worker.Start();
        set.Wait();
        set_num_threads(threads); // the process-wide value back, before anything else can start
        go.Set();
        worker.Join();
        failure?.Throw();
        return result;
    }
}
