namespace WeakToStrong.Data.Tasks.Corpus;

/// <summary>One pretraining document: <see cref="Source"/> names its pinned source ("sotu", "brown", "moby-dick").</summary>
public sealed record CorpusDocument(string Id, string Source, string Text);
