namespace WeakToStrong.Core.Results;

/// <summary>A pair of one task, as the findings and the pooled number read it: "brown-genre (cpu) w64 → minilm".</summary>
public sealed record PairRow(TaskResult Task, PairResult Pair)
{
    public string Label => $"{Task.Name} {Pair.Name}";

    /// <summary>The naive loss of each setting: cross-entropy on the weak labels, or Bradley–Terry on the weak preferences.</summary>
    public static readonly IReadOnlySet<string> NaiveLosses = new HashSet<string>(["xent", "bradley-terry"], StringComparer.Ordinal);

    public bool Naive => NaiveLosses.Contains(Pair.Loss);

    /// <summary>Unflagged and with a PGR: what a finding may be computed from.</summary>
    public bool Readable => !Pair.Flagged && Pair.Pgr.Median is not null;

    public double Pgr => Pair.Pgr.Median!.Value;

    public static IReadOnlyList<PairRow> Of(IEnumerable<TaskResult> tasks) =>
        tasks.SelectMany(t => t.Pairs.Select(p => new PairRow(t, p))).ToList();
}
