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

    /// <summary><paramref name="requested"/> (--threads) when given, else every core; one line when it is out of range.</summary>
    public static int Resolve(int? requested) => requested switch
    {
        null => Environment.ProcessorCount,
        >= 1 and <= Max => requested.Value,
        _ => throw new UserError($"--threads must be between 1 and {Max} (got {requested})"),
    };
}
