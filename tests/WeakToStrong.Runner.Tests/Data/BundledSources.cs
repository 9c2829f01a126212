using WeakToStrong.Data.Sources;
using WeakToStrong.Runner.Tests.Application;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>
/// Every registry source the bundled experiments pin (data.sources and pretrain.corpus of each manifest in experiments/,
/// as written), by its manifest name, as the fetcher receives it: the manifests are the one place a pin is written.
/// </summary>
static class BundledSources
{
    public static IReadOnlyDictionary<string, PinnedSource> ByName()
    {
        var catalog = new ExperimentCatalog(Path.Combine(FrontEnds.RepositoryRoot, "experiments"));
        var byName = new Dictionary<string, PinnedSource>(StringComparer.Ordinal);
        foreach (var id in catalog.Ids())
        {
            var manifest = catalog.Resolve(id, scale: null, layers: [], useDefaultScale: false).Manifest!;
            foreach (var source in manifest.Data.Sources.Concat(manifest.Pretrain?.Corpus ?? []))
                byName[source.Name] = PinnedSource.Of(source);
        }
        return byName;
    }
}
