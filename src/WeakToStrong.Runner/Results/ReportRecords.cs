using System.Text.Json.Nodes;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Reports;
using WeakToStrong.Core.Stages;
using WeakToStrong.Provenance.Audit;
using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Runner.Results;

/// <summary>
/// Reads a run record into what a run report needs (<see cref="ReportInput"/>), from the record alone: what results
/// reads (<see cref="ResultRecords"/>), the resolved manifest's models (sized by <see cref="ParameterCount"/>), the
/// weak and ceiling stages' own test accuracies per seed, and each transfer's evaluation schedule.
/// </summary>
public static class ReportRecords
{
    /// <exception cref="InvalidDataException">Not a run record, edited (<see cref="RecordTrust"/>), or without the stages a report reads; the message starts with the path.</exception>
    public static (ReportInput Input, RunRecord Record) Read(string path) => ResultRecords.Located(path, () =>
    {
        var record = RecordTrust.ReadTrusted(path);
        return (From(record), record);
    });

    public static ReportInput From(RunRecord record)
    {
        var h = record.Hashed;
        var manifest = h["manifest"] as JsonObject ?? [];
        var models = (manifest["models"] as JsonObject ?? []).Select(m =>
        {
            string family = (string?)m.Value?["family"] ?? "unknown";
            string? size = (string?)m.Value?["size"];
            return new ReportModel(m.Key, family, size, ParameterCount.Of(family, size));
        }).ToList();

        var stages = (h["stages"]?.AsArray() ?? []).Select(s => s!.AsObject()).ToList();
        var seeds = (h["seeds"]?.AsArray() ?? []).Select(s => (int)s!).ToList();
        int evalEvery = (int?)manifest["training"]?["evalEvery"] ?? 0;
        return new ReportInput(ResultRecords.FromRecord(record), (string?)manifest["version"], seeds, evalEvery, models,
            ModelAccuracies(stages, "weak"), ModelAccuracies(stages, "ceiling"), Curves(stages))
        {
            LossCurves = LossCurves(stages),
        };
    }

    /// <summary>Each training stage's <c>metrics.trainingCurve</c>, its series named by its id without kind and seed.</summary>
    static IReadOnlyList<LossCurve> LossCurves(IEnumerable<JsonObject> stages) => stages
        .Where(s => s["metrics"]?["trainingCurve"] is JsonObject)
        .Select(s =>
        {
            var curve = s["metrics"]!["trainingCurve"]!;
            var id = Id(s);
            var middle = id.Skip(1).Where(p => !(p.StartsWith('s') && p.Skip(1).All(char.IsAsciiDigit) && p.Length > 1));
            string series = string.Join(" ", middle).Replace("->", " → ", StringComparison.Ordinal);
            return new LossCurve((string?)s["kind"] ?? "", (string?)s["id"] ?? "", series, (int?)curve["firstStep"] ?? 0, (int?)curve["every"] ?? 1,
                (curve["loss"] as JsonArray ?? []).Select(v => (double)v!).ToList())
            {
                Probe = (bool?)s["parameters"]?["model"]?["linearProbe"] ?? false,
            };
        })
        .Where(c => c.Loss.Count > 0)
        .ToList();

    /// <summary>"weak/&lt;model&gt;/s&lt;seed&gt;" and "ceiling/&lt;model&gt;/s&lt;seed&gt;": the model trained on ground truth, its test accuracy.</summary>
    static IReadOnlyList<ModelSeedAccuracy> ModelAccuracies(IEnumerable<JsonObject> stages, string kind) => stages
        .Where(s => (string?)s["kind"] == kind && s["metrics"]?["testAcc"] is not null)
        .Select(s => (Id: Id(s), Acc: (double)s["metrics"]!["testAcc"]!))
        .Where(s => s.Id.Length == 3)
        .Select(s => new ModelSeedAccuracy(s.Id[1], Seed(s.Id[2]), s.Acc))
        .ToList();

    /// <summary>"transfer/&lt;weak&gt;-&gt;&lt;strong&gt;/&lt;loss&gt;/s&lt;seed&gt;": its <c>evaluations</c> (step, testAcc), in step order.</summary>
    static IReadOnlyList<TransferCurve> Curves(IEnumerable<JsonObject> stages) => stages
        .Where(s => (string?)s["kind"] == "transfer" && s["metrics"]?["evaluations"] is JsonArray)
        .Select(s => (Id: Id(s), Points: s["metrics"]!["evaluations"]!.AsArray()
            .Where(e => e?["testAcc"] is not null && e["step"] is not null)
            .Select(e => new CurvePoint((int)e!["step"]!, (double)e["testAcc"]!)).OrderBy(p => p.Step).ToList()))
        .Where(s => s.Id.Length == 4 && s.Id[1].Contains("->", StringComparison.Ordinal))
        .Select(s =>
        {
            var pair = s.Id[1].Split("->");
            return new TransferCurve(pair[0], pair[1], s.Id[2], Seed(s.Id[3]), s.Points);
        })
        .ToList();

    static string[] Id(JsonObject stage) => ((string?)stage["id"] ?? "").Split('/');

    static int Seed(string part) => part.StartsWith('s') && int.TryParse(part[1..], System.Globalization.CultureInfo.InvariantCulture, out int seed)
        ? seed
        : throw new InvalidDataException($"stage id part '{part}' is not a seed (s<n>)");
}
