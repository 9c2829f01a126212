namespace WeakToStrong.Runner.Tests.Data;

/// <summary>
/// A tiny WordNet in the real data-file format (wndb(5WN)): two lexicographer files (05 noun.animal, 06
/// noun.artifact), hypernym pointers, a licence header line, quoted examples. Offsets are arbitrary but unique.
/// </summary>
internal static class WordNetFixture
{
    public static readonly string[] NounLines =
    [
        "  1 This software and database is being provided to you, the LICENSEE, by  ",
        "00000100 05 n 01 animal 0 000 | a living organism that feeds on organic matter; \"animals move\"  ",
        "00000200 05 n 02 dog 0 domestic_dog 0 001 @ 00000100 n 0000 | a member of the genus Canis; \"the dog barked all night\"  ",
        "00000300 05 n 01 cat 0 001 @ 00000100 n 0000 | feline mammal usually having thick soft fur  ",
        "00000400 05 n 01 horse 0 001 @ 00000100 n 0000 | solid-hoofed herbivorous quadruped domesticated since prehistoric times  ",
        "00000500 05 n 02 hound 0 dog 1 001 @ 00000200 n 0000 | any of several breeds of dog used for hunting  ",
        "00000600 05 n 01 wolf 0 001 @ 00000100 n 0000 | any of various predatory carnivorous canine mammals  ",
        "00000700 06 n 01 artifact 0 000 | a man-made object taken as a whole  ",
        "00000800 06 n 01 hammer 0 001 @ 00000700 n 0000 | a hand tool with a heavy rigid head; \"he hit it; \"hard\"\"  ",
        "00000900 06 n 01 chair 0 001 @ 00000700 n 0000 | a seat for one person, with a support for the back  ",
        "00001000 06 n 01 car 0 001 @ 00000700 n 0000 | a motor vehicle with four wheels  ",
        "00001100 06 n 01 auto 0 001 @ 00000700 n 0000 | a motor vehicle with four wheels  ",
        "00001200 06 n 01 table 0 001 @ 00000700 n 0000 | a piece of furniture having a smooth flat top  ",
    ];

    /// <summary>Writes <c>package/dict/data.noun</c> under <paramref name="root"/> (the npm package layout).</summary>
    public static string Write(string root)
    {
        var dict = Directory.CreateDirectory(Path.Combine(root, "package", "dict")).FullName;
        File.WriteAllText(Path.Combine(dict, "data.noun"), string.Join("\n", NounLines) + "\n");
        return root;
    }
}
