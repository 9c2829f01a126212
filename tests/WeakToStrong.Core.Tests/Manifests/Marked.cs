namespace WeakToStrong.Core.Tests.Manifests;

/// <summary>
/// Test text with '§' markers placed just before the token a diagnostic must point at. The expected line and
/// column come from the marker's position, computed here independently of the parser under test.
/// </summary>
internal static class Marked
{
    public const char Marker = '§';

    public static (string Text, List<(int Line, int Column)> Marks) Parse(string marked)
    {
        var marks = new List<(int, int)>();
        var text = new System.Text.StringBuilder();
        int line = 1, column = 1;
        foreach (var c in marked)
        {
            if (c == Marker) { marks.Add((line, column)); continue; }
            text.Append(c);
            if (c == '\n') { line++; column = 1; } else column++;
        }
        return (text.ToString(), marks);
    }
}
