namespace WeakToStrong.Build.Host.Text;

/// <summary>"Did you mean …": the valid name nearest to a mistyped one, by edit distance.</summary>
public static class Suggestions
{
    /// <summary>
    /// The candidate with the smallest case-insensitive Levenshtein distance to <paramref name="input"/>
    /// (ties: the first in the given order), or null when even the best is too far to be a typo:
    /// more than a third of the longer name's length, and at least 2 edits are always allowed.
    /// </summary>
    public static string? Nearest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Levenshtein(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
                (best, bestDistance) = (candidate, distance);
        }
        if (best is null)
            return null;
        var allowed = Math.Max(2, Math.Max(input.Length, best.Length) / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>One error line: "Unknown target 'Cleam'; did you mean 'Clean'?" or the whole list when nothing is near.</summary>
    public static string UnknownNameMessage(string kind, string input, IReadOnlyList<string> candidates, Func<string, string>? display = null)
    {
        display ??= static s => s;
        var nearest = Nearest(input, candidates);
        return nearest is not null
            ? $"Unknown {kind} '{input}'; did you mean '{display(nearest)}'?"
            : $"Unknown {kind} '{input}'; available: {string.Join(", ", candidates.Select(display))}.";
    }

    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
