using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Application.RunsTable;

namespace WeakToStrong.Runner.Tests.Application.RunsTable;

/// <summary>
/// The runs table reads each run's PGR columns from the summary its evaluate stage recorded instead of resampling the
/// record again; on every committed record that has one, that gives exactly what recomputing from the stages gives.
/// </summary>
public class RunPgrsTests
{
    /// <summary>Every committed record (runs/ and the test fixtures) whose summary carries the recorded PGRs and intervals.</summary>
    public static TheoryData<string> CommittedRecordsWithASummary() =>
    [
        .. Directory.GetFiles(Path.Combine(FrontEnds.RepositoryRoot, "runs"), "*.json", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(FrontEnds.RepositoryRoot, "tests", "WeakToStrong.Runner.Tests", "Application", "Records"), "*.json"))
            .Where(p => RunRecord.Read(p).Summary is { } summary && RunPgrs.Recorded(summary))
            .Select(p => Path.GetRelativePath(FrontEnds.RepositoryRoot, p)).Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void MostCommittedRecordsCarryThem() => Assert.True(CommittedRecordsWithASummary().Count >= 15, $"{CommittedRecordsWithASummary().Count}");

    [Theory, MemberData(nameof(CommittedRecordsWithASummary))]
    public void TheRecordedSummaryGivesTheRecomputedColumnsExactly(string record)
    {
        var read = RunRecord.Read(Path.Combine(FrontEnds.RepositoryRoot, record));

        var (values, unbounded) = RunPgrs.FromSummary(read.Summary!);
        var (computedValues, computedUnbounded) = RunPgrs.Computed(read);

        Assert.Equal(computedValues.ToList(), values.ToList()); // the same columns in the same order, the same bits
        Assert.Equal(computedUnbounded.Order(StringComparer.Ordinal), unbounded.Order(StringComparer.Ordinal));
    }
}
