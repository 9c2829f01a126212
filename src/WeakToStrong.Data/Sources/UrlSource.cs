using WeakToStrong.Core.Sources;
using System.Net;
using System.Net.Sockets;

namespace WeakToStrong.Data.Sources;

/// <summary>
/// An https download with HttpClient, streamed to the scratch folder; the cache checks its sha256. Every address a
/// connection goes to (after DNS, on every redirect) must be public: see <see cref="SourcePins.AddressRefusal"/>.
/// <paramref name="allowLocalTestServer"/> lifts both rules (http, local addresses) for a test's own loopback server;
/// it is a constructor argument, not a setting, so no user can switch it on by accident.
/// </summary>
public sealed class UrlSource(HttpClient? client = null, bool allowLocalTestServer = false) : ISourceFetcher
{
    private static readonly HttpClient PublicOnly = new(new SocketsHttpHandler { ConnectCallback = ConnectPublicAsync })
    {
        Timeout = TimeSpan.FromMinutes(10),
    };
    private static readonly HttpClient AnyAddress = new() { Timeout = TimeSpan.FromMinutes(10) };
    private readonly HttpClient _client = client ?? (allowLocalTestServer ? AnyAddress : PublicOnly);

    public async Task<string> DownloadAsync(PinnedSource spec, string scratchDir, CancellationToken ct)
    {
        var uri = new Uri(spec.Location!);
        if (uri.Scheme != Uri.UriSchemeHttps && !allowLocalTestServer)
            throw new SourceException(spec, $"'{uri.Scheme}' is refused: url sources are fetched over https only");
        if (!allowLocalTestServer && IPAddress.TryParse(uri.IdnHost, out var literal) && SourcePins.AddressRefusal(literal) is { } why)
            throw new SourceException(spec, $"address {literal} is {why}; url sources may only reach public addresses");
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
        catch (HttpRequestException e) when (Refused(e) is { } refused)
        {
            throw new SourceException(spec, refused.Message, e);
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

    public Task UnpackAsync(PinnedSource spec, string archivePath, string destDir, CancellationToken ct)
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

    /// <summary>Resolves the host and connects only to public addresses: checked at connect time, so DNS cannot answer one thing to a check and another to the connection.</summary>
    private static async ValueTask<Stream> ConnectPublicAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        foreach (var address in addresses)
            if (SourcePins.AddressRefusal(address) is { } why)
                throw new RefusedAddressException($"{host} resolves to {address}, which is {why}; url sources may only reach public addresses");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static RefusedAddressException? Refused(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is RefusedAddressException r) return r;
        return null;
    }
}
