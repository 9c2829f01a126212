using System.Text.Json.Nodes;
using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>
/// Hand-built run records with only what `results` reads: the manifest's setting, the data stage's split.test, the
/// evaluate stage's per-seed rows, the provenance's commit and finish time. Valid records (their key is their hash),
/// whose stages have every field a record's stage has (RecordedStage reads them all).
/// </summary>
static class ResultRecordFiles
{
    /// <summary>A record's stage: its id, kind, parameters and metrics, with a made-up key and no inputs or outputs.</summary>
    public static JsonObject Stage(string id, string kind, JsonObject? parameters = null, JsonObject? metrics = null) => new()
    {
        ["id"] = id, ["kind"] = kind, ["key"] = new string('0', 64), ["parameters"] = parameters ?? new JsonObject(),
        ["inputs"] = new JsonObject(), ["outputs"] = new JsonObject(), ["metrics"] = metrics ?? new JsonObject(),
    };

    /// <summary>A training stage's metrics: what its executor writes whatever else a test adds (Runner's TrainMetrics).</summary>
    public static JsonObject TrainMetrics(double testAcc) => new()
    {
        ["testAcc"] = testAcc, ["trainExamples"] = 16, ["steps"] = 1,
        ["evaluations"] = new JsonArray(new JsonObject { ["step"] = 1, ["testAcc"] = testAcc }),
    };

    public static JsonObject Row(string weak, string strong, string loss, int seed, double weakAcc, double transferAcc, double ceilingAcc, double? pgr,
        double? agreement = 0.875) => new()
    {
        ["weak"] = weak, ["strong"] = strong, ["loss"] = loss, ["seed"] = seed,
        ["weakAcc"] = weakAcc, ["transferAcc"] = transferAcc, ["ceilingAcc"] = ceilingAcc,
        ["agreement"] = agreement, ["pgr"] = pgr, ["flag"] = null,
    };

    /// <summary>Writes runs/&lt;experiment&gt;/&lt;key&gt;.json and returns its path.</summary>
    public static string Write(string runsDirectory, string experiment, string scale, string finishedAt, int testSize, JsonObject[] rows,
        JsonObject? evaluateExtras = null, string setting = "classification")
    {
        var metrics = new JsonObject { ["runs"] = new JsonArray(rows.Select(r => (JsonNode)r.DeepClone()).ToArray()), ["summary"] = Audit.SyntheticSummary.Of() };
        foreach (var (name, value) in evaluateExtras ?? []) metrics[name] = value?.DeepClone();
        var hashed = new JsonObject
        {
            ["experiment"] = experiment,
            ["scale"] = scale,
            ["manifest"] = new JsonObject { ["id"] = experiment, ["setting"] = setting },
            ["stages"] = new JsonArray(
                Stage("data/s0", "data", new JsonObject { ["split"] = new JsonObject { ["test"] = testSize } }),
                Stage("evaluate", "evaluate", metrics: metrics)),
            ["metrics"] = new JsonObject { ["summary"] = Audit.SyntheticSummary.Of() },
        };
        var provenance = new JsonObject
        {
            ["git"] = new JsonObject { ["commit"] = "0123456789abcdef0123456789abcdef01234567", ["dirty"] = false },
            ["finishedAt"] = finishedAt,
        };
        return new RunRecord(hashed, provenance).Write(runsDirectory);
    }

    /// <summary>Two tasks, one of them at two scales: n 2304 = 48², so the gaps in SE are round (see Core's ResultsFixture).</summary>
    public static void WriteSample(string runsDirectory)
    {
        Write(runsDirectory, "alpha", "cpu", "2026-01-02T10:00:00.0000000+00:00", 2304,
        [
            Row("s", "l", "xent", 0, 0.68, 0.74, 0.92, 0.25), Row("s", "l", "logconf", 0, 0.68, 0.71, 0.92, 0.125),
            Row("s", "m", "xent", 0, 0.78, 0.80, 0.82, 0.5),
        ]);
        Write(runsDirectory, "alpha", "cpu", "2026-01-01T10:00:00.0000000+00:00", 2304, [Row("s", "l", "xent", 0, 0.68, 0.68, 0.92, 0.0)]); // older
        Write(runsDirectory, "alpha", "smoke", "2026-01-01T09:00:00.0000000+00:00", 100, [Row("s", "l", "xent", 0, 0.5, 0.6, 0.7, 0.5)]);
        Write(runsDirectory, "beta", "cpu", "2026-01-03T10:00:00.0000000+00:00", 100, [Row("a", "b", "bradley-terry", 0, 0.75, 0.70, 0.95, -0.25)],
            setting: "reward-model");
    }
}
