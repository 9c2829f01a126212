namespace WeakToStrong.Data.Tasks.Corpus;

/// <summary>The pretraining corpus: documents in a fixed order. What they are is pinned upstream, by the sources'
/// hashes and the readers' code in the pretrain stage's key, so the build computes no hash of its own.</summary>
public sealed record CorpusBuild(IReadOnlyList<CorpusDocument> Documents)
{
    /// <summary>All documents joined by <paramref name="separator"/> (e.g. GPT-2's "&lt;|endoftext|&gt;"), for tokenizing.</summary>
    public string ToText(string separator = "\n\n") => string.Join(separator, Documents.Select(d => d.Text));
}

/// <summary>
/// Pretraining text for the in-pipeline GPT-2 family: SOTU + Brown (detagged) + Moby-Dick. Deliberately no
/// WordNet glosses and no GCIDE: the WordNet tasks' answers are glosses, so pretraining on them would leak
/// the test set into every model (docs/architecture.md §10). Deterministic without a seed: the order is fixed.
/// </summary>
public static class PretrainingCorpus
{
    /// <param name="sources">Each corpus's reader (<see cref="ICorpusReader"/>) and its unpacked source folder; the
    /// documents join in the readers' <see cref="ICorpusReader.Position"/> order, not the order given.</param>
    public static CorpusBuild Build(IEnumerable<(ICorpusReader Reader, string Dir)> sources)
    {
        var docs = new List<CorpusDocument>();
        foreach (var (reader, dir) in sources.OrderBy(s => s.Reader.Position))
            docs.AddRange(reader.Read(dir));
        docs.RemoveAll(d => d.Text.Length == 0);
        if (docs.Count == 0) throw new ArgumentException("corpus: no source given");
        return new CorpusBuild(docs);
    }
}
