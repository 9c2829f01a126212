using System.Text.Json.Nodes;
using WeakToStrong.Core.Statistics;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Results;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>The results report's per-item outcomes, read from the training stages' metrics in a run record.</summary>
public sealed class ResultRecordsOutcomesTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("w2s-outcomes-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    static bool[] First(int k, int n = 16) => Enumerable.Range(0, n).Select(i => i < k).ToArray();

    static JsonObject Training(string id, int right, double? positiveRate = null, bool withOutcomes = true)
    {
        var metrics = ResultRecordFiles.TrainMetrics(right / 16.0);
        if (withOutcomes)
        {
            metrics["testCorrect"] = ItemOutcomes.Encode(First(right));
            metrics["testItems"] = 16;
            metrics["testPositiveRate"] = positiveRate;
        }
        return ResultRecordFiles.Stage(id, id.Split('/')[0], metrics: metrics);
    }

    string Write(bool studentHasOutcomes, double studentPositiveRate = 0.5)
    {
        var evaluate = new JsonObject
        {
            ["runs"] = new JsonArray(ResultRecordFiles.Row("w", "s", "xent", 0, 0.5, 0.625, 0.75, 0.5)),
            ["summary"] = Audit.SyntheticSummary.Of(),
        };
        var hashed = new JsonObject
        {
            ["experiment"] = "tiny", ["scale"] = "cpu",
            ["manifest"] = new JsonObject { ["id"] = "tiny", ["setting"] = "classification" },
            ["stages"] = new JsonArray(
                ResultRecordFiles.Stage("data/s0", "data", new JsonObject { ["split"] = new JsonObject { ["test"] = 16 } }),
                Training("weak/w/s0", 8), Training("ceiling/s/s0", 12),
                Training("transfer/w->s/xent/s0", 10, studentPositiveRate, studentHasOutcomes),
                ResultRecordFiles.Stage("evaluate", "evaluate", metrics: evaluate)),
            ["metrics"] = new JsonObject { ["summary"] = Audit.SyntheticSummary.Of() },
        };
        var provenance = new JsonObject { ["finishedAt"] = "2026-01-02T10:00:00.0000000+00:00" };
        return new RunRecord(hashed, provenance).Write(Path.Combine(root, "runs"));
    }

    [Fact]
    public void Each_seed_run_gets_its_weak_student_and_ceiling_outcomes_and_the_students_positive_rate()
    {
        var run = ResultRecords.Read(Write(studentHasOutcomes: true, studentPositiveRate: 1.0)).Runs.Single();

        Assert.Equal(First(8), run.Outcomes!.Weak);
        Assert.Equal(First(10), run.Outcomes.Student);
        Assert.Equal(First(12), run.Outcomes.Ceiling);
        Assert.Equal(1.0, run.StudentPositiveRate);
    }

    [Fact]
    public void A_stage_without_outcomes_leaves_the_run_without_them()
    {
        var run = ResultRecords.Read(Write(studentHasOutcomes: false)).Runs.Single();

        Assert.Null(run.Outcomes);
        Assert.Null(run.StudentPositiveRate);
    }
}
