using System.Net;
using System.Net.Sockets;
using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Sources;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>The real download code against an HttpListener the test starts on 127.0.0.1.</summary>
public sealed class UrlSourceTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly HttpListener _listener = new();
    private readonly string _prefix;
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private int _requests;

    public UrlSourceTests()
    {
        _prefix = $"http://127.0.0.1:{FreePort()}/";
        _listener.Prefixes.Add(_prefix);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public void Dispose()
    {
        _listener.Close();
        _dir.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            Interlocked.Increment(ref _requests);
            var path = ctx.Request.Url!.AbsolutePath.TrimStart('/');
            if (_files.TryGetValue(path, out var body))
            {
                ctx.Response.ContentLength64 = body.Length;
                await ctx.Response.OutputStream.WriteAsync(body);
            }
            else ctx.Response.StatusCode = 404;
            ctx.Response.Close();
        }
    }

    /// <summary>The cache with the one opt-in that lets a url source reach this test's own http server on loopback.</summary>
    private SourceCache NewCache() => new(_dir.Combine("cache"), fetchers: new Dictionary<SourceKind, ISourceFetcher>
    {
        [SourceKind.Url] = new UrlSource(allowLocalTestServer: true),
    });

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_url_source_is_downloaded_verified_unpacked_and_then_served_from_the_cache()
    {
        var bytes = TestArchives.TarGz(("corpus/text.txt", "call me Ishmael"));
        _files["data/corpus.tgz"] = bytes;
        var spec = PinnedSource.Url(_prefix + "data/corpus.tgz", TestArchives.Sha256(bytes));
        var cache = NewCache();

        var first = await cache.GetAsync(spec);
        var second = await cache.GetAsync(spec);

        Assert.Equal("call me Ishmael", File.ReadAllText(Path.Combine(first.ContentDir, "corpus", "text.txt")));
        Assert.Equal(bytes, File.ReadAllBytes(first.ArchivePath));
        Assert.Equal("corpus.tgz", Path.GetFileName(first.ArchivePath));
        Assert.True(second.WasCached);
        Assert.Equal(1, _requests);
    }

    [Fact]
    public async Task A_server_that_serves_other_bytes_is_a_hash_mismatch_naming_the_url()
    {
        var served = "changed upstream"u8.ToArray();
        _files["notes.txt"] = served;
        var spec = PinnedSource.Url(_prefix + "notes.txt", TestArchives.Sha256("as pinned"u8.ToArray()));
        var cache = NewCache();

        var e = await Assert.ThrowsAsync<SourceException>(() => cache.GetAsync(spec));

        Assert.StartsWith($"source url:{_prefix}notes.txt: hash mismatch for ", e.Message);
        Assert.EndsWith($"expected {spec.Hash}, actual {TestArchives.Sha256(served)}", e.Message);
        Assert.False(Directory.Exists(cache.EntryDir(spec)));
    }

    [Fact]
    public async Task A_missing_file_is_an_http_error_naming_the_url()
    {
        var spec = PinnedSource.Url(_prefix + "absent.bin", TestArchives.Sha256([0]));
        var e = await Assert.ThrowsAsync<SourceException>(() => NewCache().GetAsync(spec));
        Assert.Equal($"source url:{_prefix}absent.bin: download failed: HTTP 404 Not Found", e.Message);
    }

    [Fact]
    public async Task A_refused_connection_is_a_network_failure_naming_the_url()
    {
        var url = $"http://127.0.0.1:{FreePort()}/x.bin";
        var e = await Assert.ThrowsAsync<SourceException>(() => NewCache().GetAsync(PinnedSource.Url(url, TestArchives.Sha256([0]))));
        Assert.StartsWith($"source url:{url}: network failure: ", e.Message);
    }
}
