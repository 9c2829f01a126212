namespace WeakToStrong.Data.Sources;

/// <summary>An http(s) download with HttpClient, streamed to the scratch folder; the cache checks its sha256.</summary>
public sealed class UrlSource(HttpClient? client = null) : ISourceFetcher
{
    private static readonly HttpClient SharedClient = new() { Timeout = TimeSpan.FromMinutes(10) };
    private readonly HttpClient _client = client ?? SharedClient;

    public async Task<string> DownloadAsync(SourceSpec spec, string scratchDir, CancellationToken ct)
    {
        var uri = new Uri(spec.Location!);
        var target = Path.Combine(scratchDir, FileNameOf(uri));
        try
        {
            using var response = await _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
                throw new SourceException(spec, $"download failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            await using var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            await body.CopyToAsync(file, ct);
        }
        catch (HttpRequestException e)
        {
            throw new SourceException(spec, $"network failure: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new SourceException(spec, "network failure: the download timed out", e);
        }
        return target;
    }

    public Task UnpackAsync(SourceSpec spec, string archivePath, string destDir, CancellationToken ct)
    {
        SingleFileUnpacker.Unpack(spec, archivePath, destDir);
        return Task.CompletedTask;
    }

    /// <summary>The last path segment, reduced to safe characters; "download" when there is none.</summary>
    internal static string FileNameOf(Uri uri)
    {
        var last = Uri.UnescapeDataString(uri.Segments.LastOrDefault() ?? "").Trim('/');
        var safe = new string(last.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).TrimStart('.');
        return safe.Length == 0 ? "download" : safe;
    }
}
