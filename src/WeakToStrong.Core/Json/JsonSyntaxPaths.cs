using System.Globalization;
using System.Text.Json;
using WeakToStrong.Core.Diagnostics;

namespace WeakToStrong.Core.Json;

/// <summary>Sets a value at a dotted path ("training.epochs", "losses.1.auxCoef") in a located tree, without mutating it.</summary>
public static class JsonSyntaxPaths
{
    /// <summary>Returns the new tree, or null with <paramref name="error"/> set when the path cannot be followed.</summary>
    /// <remarks>Missing objects along the path are created (located at <paramref name="where"/>); array elements
    /// are addressed by index and must exist. Unknown names are left for the validator, which suggests the nearest.</remarks>
    public static JsonSyntax? Set(JsonSyntax root, string dottedPath, JsonSyntax value, SourceLocation where, out string? error)
    {
        error = null;
        var segments = dottedPath.Split('.');
        if (dottedPath.Length == 0 || segments.Any(s => s.Length == 0))
        {
            error = $"'{dottedPath}' is not a dotted path (expected e.g. training.epochs).";
            return null;
        }
        return SetAt(root, segments, 0, value, where, ref error);
    }

    private static JsonSyntax? SetAt(JsonSyntax node, string[] segments, int i, JsonSyntax value, SourceLocation where, ref string? error)
    {
        if (i == segments.Length) return value;
        var segment = segments[i];
        switch (node)
        {
            case JsonSyntaxObject obj:
            {
                var existing = obj.Find(segment);
                var child = existing?.Value ?? new JsonSyntaxObject(where, []);
                var replaced = SetAt(child, segments, i + 1, value, where, ref error);
                if (replaced is null) return null;
                var props = obj.Properties.Where(p => p.Name != segment).ToList();
                var index = existing is null ? props.Count : obj.Properties.ToList().FindIndex(p => p.Name == segment);
                props.Insert(Math.Min(index, props.Count), new JsonSyntaxProperty(segment, existing?.NameLocation ?? where, replaced));
                return obj with { Properties = props };
            }
            case JsonSyntaxArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k < array.Items.Count:
            {
                var replaced = SetAt(array.Items[k], segments, i + 1, value, where, ref error);
                if (replaced is null) return null;
                var items = array.Items.ToList();
                items[k] = replaced;
                return array with { Items = items };
            }
            case JsonSyntaxArray array:
                error = $"'{string.Join('.', segments[..(i + 1)])}': '{segment}' is not an index of the {array.Items.Count}-element array '{string.Join('.', segments[..i])}'.";
                return null;
            default:
                error = $"'{string.Join('.', segments[..(i + 1)])}': '{string.Join('.', segments[..i])}' is a {Describe(node.Kind)}, not an object.";
                return null;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "string", JsonValueKind.Number => "number", JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "boolean", _ => kind.ToString().ToLowerInvariant(),
    };
}
