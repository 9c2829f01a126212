using System.Text.Json.Nodes;
using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>
/// Real run records kept as test fixtures (Records/): brown-genre 0.3.0 at cpu scale (3 seeds, two weak GPT-2s,
/// MiniLM, a bootstrap chain) and nlp-spam 0.2.0 at cpu scale, both as `./build.sh Reproduce` wrote them, from before
/// per-item outcomes were recorded; a brown-genre smoke run with them (<see cref="WithIntervals"/>); and
/// records derived from them (an evaluation schedule added, a manifest value changed), rewritten with their new key.
/// </summary>
static class ReportRecordFixtures
{
    public const string BrownGenreKey = "79a98310ab3081e0de49ced270773acbcbd331db421c13e4aa8489906c0f1eb5";
    public const string SpamKey = "9e626274100171699c04711e65edfe32a56bc576b42cd95de2cb41da7499653a";

    static string Fixture(string name) => Path.Combine(FrontEnds.RepositoryRoot, "tests", "WeakToStrong.Runner.Tests", "Application", "Records", name);

    /// <summary>Copies brown-genre's record to &lt;runs&gt;/brown-genre/&lt;key&gt;.json, as Reproduce leaves it, and returns that path.</summary>
    public static string BrownGenre(string runsDirectory) => Copy(runsDirectory, "brown-genre", BrownGenreKey, "brown-genre-79a98310.json");

    public static string Spam(string runsDirectory) => Copy(runsDirectory, "nlp-spam", SpamKey, "nlp-spam-9e626274.json");

    /// <summary>
    /// brown-genre's smoke run fc77eef7 (MiniLM on seed 0; the MiniLM linear probe supervised by w64, a bag-of-words
    /// model and noisy truth on seeds 0-2): its training stages carry per-item test outcomes, so every pair has a paired
    /// bootstrap interval, two of them (bow) unbounded and two (noisy) wider than the plot.
    /// </summary>
    public static string WithIntervals(string runsDirectory) => Copy(runsDirectory, "brown-genre", WithIntervalsKey, "brown-genre-fc77eef7.json");

    public const string WithIntervalsKey = "fc77eef7bf3f97fcf9c6ec0c9b0443f11b4e6e72239f5987047d13dc9a8b37ed";

    static string Copy(string runsDirectory, string experiment, string key, string fixture)
    {
        string path = Path.Combine(Directory.CreateDirectory(Path.Combine(runsDirectory, experiment)).FullName, key + ".json");
        File.Copy(Fixture(fixture), path, overwrite: true);
        return path;
    }

    /// <summary>
    /// brown-genre's record as if run with training.evalEvery = 20: every transfer evaluated at steps 20, 40 and 60
    /// before its final step 62. The made-up schedule rises past the final accuracy at step 40 (+0.02), so the best
    /// point is not the final one: 0.9·final at 20, final + 0.02 at 40, final + 0.01 at 60, final at 62.
    /// </summary>
    public static string WithSchedule(string runsDirectory)
    {
        var record = RunRecord.Read(BrownGenre(runsDirectory));
        var hashed = record.Hashed.DeepClone().AsObject();
        hashed["manifest"]!["training"]!["evalEvery"] = 20;
        foreach (var stage in hashed["stages"]!.AsArray().Where(s => (string?)s!["kind"] == "transfer"))
        {
            var metrics = stage!["metrics"]!;
            double final = (double)metrics["testAcc"]!;
            int step = (int)metrics["steps"]!;
            metrics["evaluations"] = new JsonArray(
                Point(20, Math.Round(0.9 * final, 3)), Point(40, Math.Round(final + 0.02, 3)), Point(60, Math.Round(final + 0.01, 3)), Point(step, final));
        }
        return new RunRecord(hashed, record.Provenance).Write(runsDirectory);
    }

    /// <summary>brown-genre's record with <paramref name="edit"/> applied to its hashed part, written under its new key.</summary>
    public static string Edited(string runsDirectory, Action<JsonObject> edit)
    {
        var record = RunRecord.Read(BrownGenre(runsDirectory));
        var hashed = record.Hashed.DeepClone().AsObject();
        edit(hashed);
        return new RunRecord(hashed, record.Provenance).Write(runsDirectory);
    }

    static JsonObject Point(int step, double testAcc) => new() { ["step"] = step, ["testAcc"] = testAcc };
}
