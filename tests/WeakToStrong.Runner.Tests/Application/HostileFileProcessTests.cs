using System.Diagnostics;
using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Runner.Tests.Data;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>
/// FIFOs where the tool reads a user's JSON (a manifest, a run record), through the real `w2s` process: each used to
/// block forever. Now: exit 1, one line on stderr naming the file, no stack trace, within 10 s.
/// </summary>
public sealed class HostileFileProcessTests : IDisposable
{
    readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task PlanOfAFifoManifestIsOneLocatedLine()
    {
        string experiments = Directory.CreateDirectory(_dir.Combine("experiments")).FullName;
        SpecialFileSourceTests.MakeFifo(Path.Combine(experiments, "pipe.json"));

        var (exit, error) = await RunAsync("plan", "-e", "pipe", "--experiments-dir", experiments);

        Assert.Equal(1, exit);
        Assert.Matches(@"^\S*pipe\.json: error W2S0006: is a FIFO \(named pipe\), not a regular file; refused$", OneLine(error));
    }

    [Theory]
    [InlineData("runs")]
    [InlineData("report")]
    [InlineData("results")]
    public async Task AFifoRecordInRunsIsOneLineNamingIt(string verb)
    {
        string runs = _dir.Combine("runs");
        string fifo = Path.Combine(Directory.CreateDirectory(Path.Combine(runs, "tiny")).FullName, new string('a', 64) + ".json");
        SpecialFileSourceTests.MakeFifo(fifo);
        string[] args = verb switch
        {
            "report" => ["report", "aaaa", "--runs-dir", runs, "--out", _dir.Combine("report")],
            "results" => ["results", "--runs-dir", runs, "--out", _dir.Combine("results.md")],
            _ => ["runs", "--runs-dir", runs],
        };

        var (exit, error) = await RunAsync(args);

        Assert.Equal(1, exit);
        Assert.Equal($"error: {fifo} is a FIFO (named pipe), not a regular file; refused", OneLine(error));
    }

    static string OneLine(string error)
    {
        Assert.DoesNotContain("   at ", error);
        return Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    static async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        using var p = W2sTool.Start(args);
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        var stopwatch = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await p.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"w2s {string.Join(' ', args)} still ran after 10 s");
        }
        return (p.ExitCode, await error);
    }
}
