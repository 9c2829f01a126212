using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Runner.Execution;

/// <summary>
/// The torch thread count a run pins, checked before libtorch sees it: 0 or a negative count aborted the process inside
/// libtorch (exit 134), and an absurd one would start that many threads.
/// </summary>
public static class ThreadCount
{
    public const int Max = 1024;

    /// <summary>
    /// <paramref name="requested"/> (--threads) when given, else every core shared by the <paramref name="jobs"/> stages
    /// that run at once (at least one each); one line when it is out of range.
    /// </summary>
    public static int Resolve(int? requested, int jobs = 1) => requested switch
    {
        null => Math.Max(1, Environment.ProcessorCount / Math.Max(1, jobs)),
        >= 1 and <= Max => requested.Value,
        _ => throw new UserError($"--threads must be between 1 and {Max} (got {requested})"),
    };
}
