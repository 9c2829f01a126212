using System.Text;

namespace WeakToStrong.Build.Host.Text;

/// <summary>The spellings of one member name: `StoreRoot` is `--store-root` on the CLI and `STORE_ROOT` in the environment.</summary>
public static class NameStyle
{
    public static string Kebab(string name) => Split(name, '-').ToLowerInvariant();

    public static string UpperSnake(string name) => Split(name, '_').ToUpperInvariant();

    /// <summary>
    /// The form two spellings are compared in: letters and digits only, lower case. NUKE accepts `--store-root`,
    /// `--storeroot` and `-StoreRoot` alike; so do we.
    /// </summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }

    static string Split(string name, char separator)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = i > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                    || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (startsWord)
                builder.Append(separator);
            builder.Append(c);
        }
        return builder.ToString();
    }
}
