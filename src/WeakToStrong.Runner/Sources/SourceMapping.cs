using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Sources;

namespace WeakToStrong.Runner.Sources;

/// <summary>The manifest's declarative source (Core's <see cref="SourceSpec"/>) as the fetcher's pinned source (Data's <see cref="PinnedSource"/>).</summary>
public static class SourceMapping
{
    public static PinnedSource ToData(SourceSpec s)
    {
        if (s.Npm is { } npm)
        {
            int at = npm.LastIndexOf('@');
            if (at <= 0) throw new ArgumentException($"source '{s.Name}': npm '{npm}' is not NAME@VERSION");
            return PinnedSource.Npm(npm[..at], npm[(at + 1)..], Require(s.Integrity, s.Name, "integrity"));
        }
        if (s.Deb is { } deb)
        {
            int eq = deb.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"source '{s.Name}': deb '{deb}' is not NAME=VERSION");
            return PinnedSource.Deb(deb[..eq], deb[(eq + 1)..], "sha256:" + Require(s.Sha256, s.Name, "sha256"));
        }
        if (s.Url is { } url) return PinnedSource.Url(url, "sha256:" + Require(s.Sha256, s.Name, "sha256"));
        if (s.Path is { } path) return PinnedSource.File(path, "sha256:" + Require(s.Sha256, s.Name, "sha256"));
        throw new ArgumentException($"source '{s.Name}' names none of npm, deb, url, path");
    }

    static string Require(string? value, string name, string field) =>
        value ?? throw new ArgumentException($"source '{name}' has no {field}");
}
