namespace WeakToStrong.Data.Tasks.Corpus;

/// <summary>
/// A pretraining corpus a manifest's <c>pretrain.corpus</c> may name. It registers as a task builder does: a public
/// class with a parameterless constructor, found by <see cref="TaskCatalog"/>'s discovery, which the manifest validator
/// reads (so a misspelt corpus fails the build, located at its name) and which gives the pretrain stage its reader.
/// Found by reflection, a reader is named in the pretrain stage's code hash by the stage's parameters
/// (Runner/Identity/StageCode.cs), so editing one recomputes the stages that read it and no other.
/// </summary>
public interface ICorpusReader
{
    /// <summary>The source name <c>pretrain.corpus</c> gives it.</summary>
    string Name { get; }

    /// <summary>Where its documents go in the corpus text: ascending, whatever order the manifest lists the sources in.</summary>
    int Position { get; }

    /// <summary>Its documents from the unpacked source folder, in a fixed order.</summary>
    IEnumerable<CorpusDocument> Read(string sourceDir);
}
