namespace WeakToStrong.Runner.Identity;

/// <summary>
/// The glibc malloc settings a process needs before it starts on these VMs, whose first touch of fresh pages is very
/// slow (docs/architecture.md §9). One table: `w2s` re-executes itself with it (Cli/MallocSettings.cs), the tests start
/// the tool with it, every run record notes which of <see cref="Names"/> were set, and build.sh/build.ps1 export the
/// same values (they cannot read this file; `MallocEnvironmentTests` holds them to it).
/// </summary>
public static class MallocEnvironment
{
    /// <summary>
    /// - `MALLOC_MMAP_MAX_=0` and a huge trim threshold: large blocks come from the heap and stay there once freed.
    /// - `MALLOC_ARENA_MAX=1`: every thread allocates from the main arena. A thread other than the main one otherwise
    ///   gets an arena of its own whose heaps hold at most 64 MB, and glibc serves a larger block there with mmap whatever
    ///   `MALLOC_MMAP_MAX_` says, so a stage run off the main thread (every stage in build.sh's host and the test host)
    ///   first-touched fresh pages for each large tensor again. Measured in `./build.sh Reproduce` (brown-genre smoke):
    ///   pretraining w64 took 157.7 s without it and 102.5 s with it, to the same bits.
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Settings =
    [
        new("MALLOC_MMAP_MAX_", "0"),
        new("MALLOC_TRIM_THRESHOLD_", "100000000000"),
        new("MALLOC_ARENA_MAX", "1"),
    ];

    /// <summary>The settings' names and glibc's tunables variable, the alternative a user may set instead: a process
    /// started with any of them has had its malloc decided by whoever started it.</summary>
    public static readonly IReadOnlyList<string> Names = [.. Settings.Select(s => s.Key), "GLIBC_TUNABLES"];

    /// <summary>Sets every one of <see cref="Settings"/> in a child's <paramref name="environment"/>.</summary>
    public static void Apply(IDictionary<string, string?> environment)
    {
        foreach (var (name, value) in Settings) environment[name] = value;
    }

    /// <summary>Which of <see cref="Names"/> this process has, as the run record notes them.</summary>
    public static Dictionary<string, string> Current()
    {
        var set = new Dictionary<string, string>();
        foreach (var name in Names)
            if (System.Environment.GetEnvironmentVariable(name) is { } value) set[name] = value;
        return set;
    }
}
