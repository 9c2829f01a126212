using WeakToStrong.Data.Sources;

namespace WeakToStrong.Data.Cache;

/// <summary>A verified cache entry: <see cref="ContentDir"/> holds the unpacked files, <see cref="ArchivePath"/> the archive they came from.</summary>
public sealed record CachedSource(PinnedSource Spec, string ContentDir, string ArchivePath, bool WasCached);
