using System.Diagnostics;
using System.Runtime.Versioning;
using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Sources;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>
/// DebSource's real code path offline: a .deb built here with <c>dpkg-deb --build</c>, "downloaded" by a
/// stand-in for apt-get that copies it into the working folder (what <c>apt-get download</c> does), then
/// verified and unpacked with the real <c>dpkg-deb -x</c>.
/// </summary>
[SupportedOSPlatform("linux")] // dpkg-deb and apt-get: Debian tools
public sealed class DebSourceTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private static void Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {p.StandardError.ReadToEnd()}");
    }

    private string BuildDeb()
    {
        var root = _dir.Combine("pkg");
        Directory.CreateDirectory(Path.Combine(root, "DEBIAN"));
        Directory.CreateDirectory(Path.Combine(root, "usr", "share", "w2s-test"));
        File.WriteAllText(Path.Combine(root, "DEBIAN", "control"),
            "Package: w2s-test\nVersion: 1.0-1\nArchitecture: all\nMaintainer: test <t@example.org>\nDescription: test data\n");
        File.WriteAllText(Path.Combine(root, "usr", "share", "w2s-test", "words.txt"), "alpha\nbeta\n");
        File.CreateSymbolicLink(Path.Combine(root, "usr", "share", "w2s-test", "passwd"), "/etc/passwd");
        var deb = _dir.Combine("w2s-test_1.0-1_all.deb");
        Run("dpkg-deb", "--root-owner-group", "--build", root, deb);
        var fakeApt = _dir.Combine("fake-apt-get");
        File.WriteAllText(fakeApt, $"#!/bin/sh\n[ \"$1\" = download ] && [ \"$2\" = w2s-test=1.0-1 ] && cp '{deb}' . \n");
        File.SetUnixFileMode(fakeApt, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return deb;
    }

    [Fact]
    public async Task A_deb_is_verified_unpacked_without_installing_and_its_links_removed()
    {
        var deb = BuildDeb();
        var spec = PinnedSource.Deb("w2s-test", "1.0-1", TestArchives.Sha256(File.ReadAllBytes(deb)));
        var cache = new SourceCache(_dir.Combine("cache"), fetchers: new Dictionary<SourceKind, ISourceFetcher>
        {
            [SourceKind.Deb] = new DebSource(aptGetTool: _dir.Combine("fake-apt-get")),
        });

        var entry = await cache.GetAsync(spec);

        Assert.Equal("alpha\nbeta\n", File.ReadAllText(Path.Combine(entry.ContentDir, "usr", "share", "w2s-test", "words.txt")));
        Assert.False(Path.Exists(Path.Combine(entry.ContentDir, "usr", "share", "w2s-test", "passwd")));
        Assert.True((await cache.GetAsync(spec)).WasCached);
    }

    [Fact]
    public async Task A_failing_apt_get_is_one_error_naming_the_package()
    {
        var spec = PinnedSource.Deb("w2s-test", "9.9", TestArchives.Sha256([0]));
        var cache = new SourceCache(_dir.Combine("cache"), fetchers: new Dictionary<SourceKind, ISourceFetcher>
        {
            [SourceKind.Deb] = new DebSource(aptGetTool: "false"),
        });
        var e = await Assert.ThrowsAsync<SourceException>(() => cache.GetAsync(spec));
        Assert.Equal(
            "source deb:w2s-test=9.9: apt-get download failed (network failure, no package lists — run `apt-get update` —, or the mirror no longer serves this version) — exit code 1: (no output)",
            e.Message);
    }
}
