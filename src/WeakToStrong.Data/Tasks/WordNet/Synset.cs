namespace WeakToStrong.Data.Tasks.WordNet;

/// <summary>
/// One WordNet synset as read from <c>dict/data.*</c>. <see cref="Id"/> is the part of speech and the byte
/// offset ("n02084071"); satellite adjectives ('s') share the adjective file and are named 'a'.
/// <see cref="Gloss"/> is the definition with its quoted usage examples removed.
/// </summary>
public sealed record Synset(
    string Id,
    char Pos,
    int LexFile,
    IReadOnlyList<string> Lemmas,
    IReadOnlyList<string> Hypernyms,
    string Gloss)
{
    public string LexFileName => LexFileNames.Name(LexFile);
}

/// <summary>WordNet's lexicographer files (lexnames(5WN)): field 2 of every data line is an index into this list.</summary>
public static class LexFileNames
{
    private static readonly string[] Names =
    [
        "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact", "noun.attribute",
        "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling", "noun.food", "noun.group",
        "noun.location", "noun.motive", "noun.object", "noun.person", "noun.phenomenon", "noun.plant", "noun.possession",
        "noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time",
        "verb.body", "verb.change", "verb.cognition", "verb.communication", "verb.competition", "verb.consumption",
        "verb.contact", "verb.creation", "verb.emotion", "verb.motion", "verb.perception", "verb.possession",
        "verb.social", "verb.stative", "verb.weather", "adj.ppl",
    ];

    public static string Name(int number) => number >= 0 && number < Names.Length ? Names[number] : $"lex.{number:00}";
}
