using System.Text.Json;

namespace WeakToStrong.Data.Formats;

/// <summary>
/// The user data formats. Classification: the reference implementation's <c>txt</c>, <c>hard_label</c>
/// (class index) and optional <c>soft_label</c> (class probabilities, e.g. [0.2, 0.8]). Pairwise:
/// <c>prompt</c>, <c>chosen</c>, <c>rejected</c> and optional <c>soft_preference</c> (P(chosen preferred), as a
/// weak supervisor's labels carry it). Optional <c>id</c> and <c>group</c> (items sharing a group
/// never straddle a split); without a group, identical texts form one group, so a duplicate cannot leak
/// from train into test. <c>question</c>/<c>answer</c> (a pair task's halves) are read back; other fields are ignored.
/// </summary>
public static class UserData
{
    private const double SumTolerance = 1e-6;

    /// <param name="displayPath">The user's name for the file, when <paramref name="path"/> is the cache's copy of it.</param>
    /// <param name="binary">Only 0 and 1 are labels: what a task's data must hold, since the models' heads have two classes
    /// (a stage's own outputs, read back, are checked by the code that wrote them).</param>
    public static IReadOnlyList<ClassificationItem> ReadClassification(string path, string? displayPath = null, bool binary = false)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        (int Classes, int Line)? firstSoft = null;
        return JsonlReader.Read(path, (obj, line, error) =>
        {
            var txt = JsonlReader.RequiredString(obj, "txt", error);
            int? label = null;
            if (!obj.TryGetProperty("hard_label", out var hl)) error("missing required field 'hard_label'");
            else if (hl.ValueKind == JsonValueKind.True || hl.ValueKind == JsonValueKind.False) label = hl.GetBoolean() ? 1 : 0;
            else if (hl.ValueKind != JsonValueKind.Number || !hl.TryGetInt32(out var l) || l < 0 || (binary && l > 1))
                error(binary ? $"'hard_label' must be 0 or 1, not {Describe(hl)}" : $"'hard_label' must be a non-negative integer class index, not {Describe(hl)}");
            else label = l;
            var soft = ReadSoft(obj, label, error);
            var id = JsonlReader.OptionalString(obj, "id", error) ?? $"line{line}";
            UniqueId(ids, id, line, error);
            if (soft is not null)
            {
                if (firstSoft is { } first && first.Classes != soft.Length)
                    error($"'soft_label' has {soft.Length} classes, but line {first.Line} has {first.Classes}");
                firstSoft ??= (soft.Length, line);
            }
            var group = JsonlReader.OptionalString(obj, "group", error);
            // A pair task's parts (what a cross-encoder reads), as JsonlWriter writes them.
            var question = JsonlReader.OptionalString(obj, "question", error);
            var answer = JsonlReader.OptionalString(obj, "answer", error);
            if (txt is null || label is null) return null;
            return new ClassificationItem(id, group ?? "txt:" + txt, txt, label.Value, soft, question, answer);
        }, displayPath);
    }

    /// <param name="displayPath">The user's name for the file, when <paramref name="path"/> is the cache's copy of it.</param>
    public static IReadOnlyList<PairwiseItem> ReadPairwise(string path, string? displayPath = null)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return JsonlReader.Read(path, (obj, line, error) =>
        {
            var prompt = JsonlReader.RequiredString(obj, "prompt", error);
            var chosen = JsonlReader.RequiredString(obj, "chosen", error);
            var rejected = JsonlReader.RequiredString(obj, "rejected", error);
            if (chosen is not null && chosen == rejected) error("'chosen' and 'rejected' are identical");
            var id = JsonlReader.OptionalString(obj, "id", error) ?? $"line{line}";
            UniqueId(ids, id, line, error);
            var group = JsonlReader.OptionalString(obj, "group", error);
            var soft = ReadSoftPreference(obj, error);
            if (prompt is null || chosen is null || rejected is null) return null;
            return new PairwiseItem(id, group ?? "prompt:" + prompt, prompt, chosen, rejected, soft);
        }, displayPath);
    }

    /// <summary>Ids name items in labels, agreement and records: two items with one id would be confused.</summary>
    private static void UniqueId(Dictionary<string, int> ids, string id, int line, Action<string> error)
    {
        if (ids.TryGetValue(id, out int first)) error($"id '{id}' is used twice (first at line {first})");
        else ids[id] = line;
    }

    private static double? ReadSoftPreference(JsonElement obj, Action<string> error)
    {
        if (!obj.TryGetProperty("soft_preference", out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Number || !double.IsFinite(v.GetDouble()) || v.GetDouble() < 0 || v.GetDouble() > 1)
        {
            error($"'soft_preference' must be a probability in [0, 1], not {Describe(v)}");
            return null;
        }
        return v.GetDouble();
    }

    private static double[]? ReadSoft(JsonElement obj, int? label, Action<string> error)
    {
        if (!obj.TryGetProperty("soft_label", out var sl) || sl.ValueKind == JsonValueKind.Null) return null;
        if (sl.ValueKind != JsonValueKind.Array || sl.GetArrayLength() < 2)
        {
            error("'soft_label' must be an array of at least 2 class probabilities");
            return null;
        }
        var probs = new double[sl.GetArrayLength()];
        int i = 0;
        foreach (var p in sl.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.Number || !double.IsFinite(p.GetDouble()) || p.GetDouble() < 0 || p.GetDouble() > 1)
            {
                error($"'soft_label'[{i}] must be a probability in [0, 1], not {Describe(p)}");
                return null;
            }
            probs[i++] = p.GetDouble();
        }
        var sum = probs.Sum();
        if (Math.Abs(sum - 1) > SumTolerance) error($"'soft_label' must sum to 1, sums to {sum.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
        if (label is { } l && l >= probs.Length) error($"'hard_label' {l} is out of range for a soft_label of {probs.Length} classes");
        return probs;
    }

    private static string Describe(JsonElement v) => v.ValueKind == JsonValueKind.Number || v.ValueKind == JsonValueKind.String
        ? v.GetRawText()
        : JsonlReader.Kind(v);
}
