using System.Text;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Hashing;

namespace WeakToStrong.Data.Tasks.Corpus;

/// <summary>The pretraining corpus: documents in a fixed order and the sha256 of their JSONL form.</summary>
public sealed record CorpusBuild(IReadOnlyList<CorpusDocument> Documents, string ContentHash)
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
        return new CorpusBuild(docs, ContentHash.Of(ToJsonl(docs)));
    }

    /// <summary>One {"id","source","text"} object per line, byte-stable like every JSONL this library writes.</summary>
    public static byte[] ToJsonl(IEnumerable<CorpusDocument> docs)
    {
        var sb = new StringBuilder();
        foreach (var d in docs)
        {
            bool first = true;
            sb.Append('{');
            JsonText.AppendName(sb, "id", ref first); JsonText.AppendString(sb, d.Id);
            JsonText.AppendName(sb, "source", ref first); JsonText.AppendString(sb, d.Source);
            JsonText.AppendName(sb, "text", ref first); JsonText.AppendString(sb, d.Text);
            sb.Append("}\n");
        }
        return new UTF8Encoding(false).GetBytes(sb.ToString());
    }
}
