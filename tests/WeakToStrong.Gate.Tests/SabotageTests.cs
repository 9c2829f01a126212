namespace WeakToStrong.Gate.Tests;

/// <summary>
/// The gate must catch a real regression (docs/gate.md "Sabotage"): a fifth of the weak labels flipped before the
/// students read them, on every gated experiment. The weak model and the ceiling do not read the labels, so their
/// stages come from the store unchanged; the students retrain on the damaged labels and the gate fails, naming what moved.
/// </summary>
[Collection(GateCollection.Name)]
public sealed class SabotageTests
{
    public static TheoryData<string> Experiments() => [.. GateRun.Experiments()];

    [Theory, MemberData(nameof(Experiments))]
    public async Task A_fifth_of_the_weak_labels_flipped_fails_the_gate_naming_the_students_rows(string experiment)
    {
        var honest = Assert.Single((await GateRun.RunAsync([experiment], sabotage: false)).Outcomes);
        var sabotaged = Assert.Single((await GateRun.RunAsync([experiment], sabotage: true)).Outcomes);

        Assert.False(sabotaged.Verdict.Passed, $"{experiment}: a fifth of the weak labels flipped passed the gate");
        var moved = sabotaged.Verdict.Rows.Where(r => !r.Within).Select(r => r.Metric).ToList();
        Assert.NotEmpty(moved);
        Assert.All(moved, m => Assert.Matches(@"^(transfer\.acc|agreement|pgr) ", m));
        var failures = sabotaged.Verdict.Failures().ToList();
        foreach (var metric in moved)
            Assert.Contains(failures, f => f.StartsWith($"gate: {experiment} {metric} moved: snapshot ", StringComparison.Ordinal)
                                           && f.Contains("tolerance ±") && f.Contains(sabotaged.Verdict.RunKey[..12]));

        // What does not read the labels is the same run's: exactly the same numbers.
        foreach (var unchanged in honest.Current.Metrics.Where(m => m.Family is "weak.acc" or "ceiling.acc"))
            Assert.Equal(unchanged.Value, sabotaged.Current.Metrics.Single(m => m.Metric == unchanged.Metric).Value);
    }
}

/// <summary>The unsabotaged gate passes twice in a row in one CI run, with identical numbers (the second from the store).</summary>
[Collection(GateCollection.Name)]
public sealed class RepeatTests
{
    [Fact]
    public async Task The_unsabotaged_gate_passes_twice_in_a_row_with_identical_runs_and_numbers()
    {
        var experiments = GateRun.Experiments();
        var first = await GateRun.RunAsync(experiments, sabotage: false);
        var second = await GateRun.RunAsync(experiments, sabotage: false);
        foreach (var result in new[] { first, second })
        {
            Assert.Empty(result.Errors);
            Assert.True(result.Passed, string.Join("\n", result.Outcomes.SelectMany(o => o.Verdict.Failures())));
        }
        Assert.Equal(first.Outcomes.Select(o => o.Verdict.RunKey), second.Outcomes.Select(o => o.Verdict.RunKey));
        Assert.Equal(first.Outcomes.SelectMany(o => o.Current.Metrics), second.Outcomes.SelectMany(o => o.Current.Metrics));
    }
}
