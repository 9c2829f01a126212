namespace WeakToStrong.Provenance.Store;

/// <summary>An artifact's identity in the store: its sha256 and byte size, written `sha256:&lt;hex&gt; &lt;size&gt;` in records.</summary>
public sealed record ContentRef(string Sha256, long Size)
{
    public override string ToString() => $"sha256:{Sha256} {Size}";

    /// <summary>Parses `sha256:&lt;64 hex&gt; &lt;size&gt;`; throws FormatException with the bad text otherwise.</summary>
    public static ContentRef Parse(string text)
    {
        var parts = text.Split(' ');
        if (parts.Length != 2 || !parts[0].StartsWith("sha256:", StringComparison.Ordinal) || parts[0].Length != 71
            || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long size))
            throw new FormatException($"not a content reference: '{text}' (expected 'sha256:<64 hex> <size>')");
        return new ContentRef(parts[0][7..], size);
    }
}
