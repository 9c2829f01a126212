using WeakToStrong.Runner.Tests.Audit;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>
/// Arguments and environment that can abort the process unless checked first (a `--set` path of thousands of segments
/// overflows the stack; `--threads 0` aborts inside libtorch) or be taken silently (a blank store, an unnamed W2S_SET__, an
/// override of `scales`): through the real `w2s`, exit 1, one line naming the argument, no stack trace, no store.
/// </summary>
public sealed class HostileArgumentProcessTests : IDisposable
{
    static readonly string Experiments = Path.Combine(FrontEnds.RepositoryRoot, "experiments");
    readonly string _store = Path.Combine(Path.GetTempPath(), "w2s-hostile-args-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose() { if (Directory.Exists(_store)) Directory.Delete(_store, recursive: true); }

    public static TheoryData<string, string> Sets() => new()
    {
        { string.Join('.', Enumerable.Repeat("a", 15_000)) + "=1", "Override path is 29999 characters long; at most 1000 are allowed." },
        { string.Join('.', Enumerable.Repeat("a", 40)) + "=1", "Override path has 40 segments; at most 32 are allowed." },
        { "scales.smoke.training.epochs=1", "'scales' is not a manifest value that can be overridden; choose a scale with --scale." },
        { "defaultScale=cpu", "'defaultScale' is not a manifest value that can be overridden; choose a scale with --scale." },
        { "=1", "An override needs a path before '=' (e.g. training.epochs=1)." },
    };

    [Theory, MemberData(nameof(Sets))]
    public async Task PlanRefusesAnOverridePathItCannotSetInOneLine(string set, string message)
    {
        var (exit, error) = await RunAsync(new(), "plan", "-e", "nlp-definitions", "--scale", "smoke", "--set", set, "--experiments-dir", Experiments);

        Assert.Equal(1, exit);
        Assert.Matches(@"^--set .*: error W2S0027: ", error);
        Assert.EndsWith(": " + message, error);
    }

    [Fact]
    public async Task AnUnnamedEnvironmentOverrideIsAnError()
    {
        var (exit, error) = await RunAsync(new() { ["W2S_SET__"] = "1" }, "plan", "-e", "nlp-definitions", "--scale", "smoke", "--experiments-dir", Experiments);

        Assert.Equal(1, exit);
        Assert.Equal("environment W2S_SET__: error W2S0027: An override needs a path before '=' (e.g. training.epochs=1).", error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100000")]
    public async Task ReproduceRefusesAThreadCountOutOfRangeBeforeTouchingTheStore(string threads)
    {
        var (exit, error) = await RunAsync(new(), "reproduce", "-e", "nlp-definitions", "--scale", "smoke", "--threads", threads,
            "--store", _store, "--experiments-dir", Experiments, "--runs-dir", Path.Combine(_store, "runs"));

        Assert.Equal(1, exit);
        Assert.Equal($"--threads must be between 1 and 1024 (got {threads})", error);
    }

    [Fact]
    public async Task ReproduceRefusesABlankStoreVariable()
    {
        var (exit, error) = await RunAsync(new() { ["W2S_STORE"] = " " }, "reproduce", "-e", "nlp-definitions", "--scale", "smoke",
            "--experiments-dir", Experiments, "--runs-dir", Path.Combine(_store, "runs"));

        Assert.Equal(1, exit);
        Assert.Equal("error: W2S_STORE is blank; set it to a folder or unset it for the default store", error);
    }

    /// <summary>Exit code and the single line on stderr (asserted single, without a stack trace); nothing may be created in the store.</summary>
    async Task<(int Exit, string Error)> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        environment.TryAdd("XDG_CACHE_HOME", _store);
        using var p = W2sTool.Start(environment, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        string error = await p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await p.WaitForExitAsync(timeout.Token);
        await stdout;
        Assert.DoesNotContain("   at ", error);
        Assert.False(Directory.Exists(_store), "a store was created");
        return (p.ExitCode, Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
