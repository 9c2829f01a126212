using System.Text;
using WeakToStrong.Data.Hashing;

namespace WeakToStrong.Data.Formats;

/// <summary>
/// Byte-stable JSONL: fixed member order, "\n" line endings, UTF-8 without BOM, invariant culture. The same
/// items always give the same bytes, hence the same content hash.
/// </summary>
public static class JsonlWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Line(ClassificationItem item)
    {
        var sb = new StringBuilder();
        bool first = true;
        sb.Append('{');
        JsonText.AppendName(sb, "txt", ref first); JsonText.AppendString(sb, item.Text);
        JsonText.AppendName(sb, "hard_label", ref first); JsonText.AppendNumber(sb, item.HardLabel);
        if (item.SoftLabel is { } soft)
        {
            JsonText.AppendName(sb, "soft_label", ref first);
            sb.Append('[');
            for (int i = 0; i < soft.Count; i++)
            {
                if (i > 0) sb.Append(',');
                JsonText.AppendNumber(sb, soft[i]);
            }
            sb.Append(']');
        }
        JsonText.AppendName(sb, "id", ref first); JsonText.AppendString(sb, item.Id);
        JsonText.AppendName(sb, "group", ref first); JsonText.AppendString(sb, item.Group);
        if (item.Question is { } q) { JsonText.AppendName(sb, "question", ref first); JsonText.AppendString(sb, q); }
        if (item.Answer is { } a) { JsonText.AppendName(sb, "answer", ref first); JsonText.AppendString(sb, a); }
        sb.Append('}');
        return sb.ToString();
    }

    public static string Line(PairwiseItem item)
    {
        var sb = new StringBuilder();
        bool first = true;
        sb.Append('{');
        JsonText.AppendName(sb, "prompt", ref first); JsonText.AppendString(sb, item.Prompt);
        JsonText.AppendName(sb, "chosen", ref first); JsonText.AppendString(sb, item.Chosen);
        JsonText.AppendName(sb, "rejected", ref first); JsonText.AppendString(sb, item.Rejected);
        if (item.SoftPreference is { } s) { JsonText.AppendName(sb, "soft_preference", ref first); JsonText.AppendNumber(sb, s); }
        JsonText.AppendName(sb, "id", ref first); JsonText.AppendString(sb, item.Id);
        JsonText.AppendName(sb, "group", ref first); JsonText.AppendString(sb, item.Group);
        sb.Append('}');
        return sb.ToString();
    }

    public static byte[] ToBytes(IEnumerable<ClassificationItem> items) => Encode(items.Select(Line));
    public static byte[] ToBytes(IEnumerable<PairwiseItem> items) => Encode(items.Select(Line));

    /// <summary>"sha256:…" of the JSONL bytes.</summary>
    public static string Hash(IEnumerable<ClassificationItem> items) => ContentHash.Of(ToBytes(items));
    public static string Hash(IEnumerable<PairwiseItem> items) => ContentHash.Of(ToBytes(items));

    /// <summary>Writes to a temp file beside <paramref name="path"/> and renames it, so no reader sees half a file. Returns the content hash.</summary>
    public static string Write(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, full, overwrite: true);
        return ContentHash.Of(bytes);
    }

    private static byte[] Encode(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines) sb.Append(line).Append('\n');
        return Utf8.GetBytes(sb.ToString());
    }
}
