using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Evaluate;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Results;
using WeakToStrong.Core.Statistics;
using WeakToStrong.Provenance.Audit;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Stages;
using WeakToStrong.Runner.Stages.Metrics;

namespace WeakToStrong.Runner.Results;

/// <summary>
/// Reads run records into what the results report needs (<see cref="TaskRecord"/>): the record alone, no store.
/// The evaluate stage's metrics carry the per-seed rows (<c>runs</c>, <c>earlyStopping.*.runs</c>, <c>bootstrap</c>),
/// the data stage's parameters the test split's size. A record that cannot be read is one line naming its file.
/// </summary>
public static class ResultRecords
{
    /// <summary>Every record under <paramref name="runsDirectory"/> (runs/&lt;experiment&gt;/*.json), in path order.</summary>
    /// <exception cref="InvalidDataException">A record is damaged; the message starts with its path.</exception>
    public static IReadOnlyList<TaskRecord> ReadAll(string runsDirectory) => RunIndex.List(runsDirectory)
        .Select(r => r.Path).Order(StringComparer.Ordinal).Select(Read).ToList();

    /// <exception cref="InvalidDataException">Not a run record, edited, or without the stages the report reads.</exception>
    public static TaskRecord Read(string path) => Located(path, () => FromRecord(RecordTrust.ReadTrusted(path)));

    /// <summary>
    /// Runs <paramref name="read"/> over the record at <paramref name="path"/> (RecordTrust.ReadTrusted checks format, run
    /// key and, where its store is here, its summary: an edited record is not reported on), turning what a damaged record throws into one line that starts with its path.
    /// </summary>
    public static T Located<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
        {
            throw new InvalidDataException($"{path}: not a readable run record ({OneLine(e.Message)})", e);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {OneLine(e.Message)}", e);
        }
    }

    public static TaskRecord FromRecord(RunRecord record)
    {
        var h = record.Hashed;
        var stages = record.Stages;
        RecordedStage Stage(string kind) => stages.FirstOrDefault(s => s.Kind == kind)
            ?? throw new InvalidDataException($"the record has no {kind} stage");
        var evaluate = EvaluateJson.Output(Stage("evaluate").Metrics, "the evaluate stage's metrics");
        int testSize = Stage("data").Parameters["split"]?["test"] is JsonValue test && test.TryGetValue(out int size) ? size
            : throw new InvalidDataException("the data stage's parameters have no split.test");
        if (testSize <= 0) throw new InvalidDataException($"the data stage's split.test is {testSize}");

        var variants = (evaluate.EarlyStopping ?? new Dictionary<string, EvaluateVariant>())
            .Select(v => new VariantRuns(v.Key, Runs(v.Value.Runs))).ToList();
        // Training stages by id, read as the type their executor wrote: their per-item test outcomes (final
        // checkpoints) pair up into the bootstrap's input.
        var training = stages.Where(s => TrainingKinds.Contains(s.Kind))
            .ToDictionary(s => s.Id, s => StageMetrics.Read<TrainMetrics>(s.Metrics), StringComparer.Ordinal);
        bool[]? Correct(string id) => training.TryGetValue(id, out var m) ? Evaluation.Outcomes(m) : null;
        SeedOutcomes? Outcomes(string weak, string student, string ceiling) =>
            Correct(weak) is { } w && Correct(student) is { } t && Correct(ceiling) is { } c ? new SeedOutcomes(w, t, c) : null;

        var chains = (evaluate.Bootstrap ?? []).Select(n =>
        {
            var chain = n.Chain;
            string weak = StageIds.Weak(chain[0], n.Seed), ceiling = StageIds.Ceiling(chain[^1], n.Seed);
            return new ChainSeedRun(chain, n.Loss, n.Seed, n.Pgr, n.DirectPgr)
            {
                Outcomes = Outcomes(weak, StageIds.Bootstrap(chain, n.Loss, chain.Count - 1, n.Seed), ceiling),
                DirectOutcomes = Outcomes(weak, StageIds.Transfer(chain[0], chain[^1], n.Loss, n.Seed), ceiling),
                WeakAcc = n.WeakAcc, BootstrapAcc = n.BootstrapAcc, CeilingAcc = n.CeilingAcc,
                DirectAcc = n.DirectTransferAcc,
            };
        }).ToList();
        var runs = Runs(evaluate.Runs).Select(r => r with
        {
            Outcomes = Outcomes(StageIds.Weak(r.Weak, r.Seed), StageIds.Transfer(r.Weak, r.Strong, r.Loss, r.Seed), StageIds.Ceiling(r.Strong, r.Seed)),
            StudentPositiveRate = training.TryGetValue(StageIds.Transfer(r.Weak, r.Strong, r.Loss, r.Seed), out var m) ? m.TestPositiveRate : null,
        }).ToList();

        // Who computed the numbers: the first execution (a later one may have taken every stage from the store).
        var first = record.First;
        return new TaskRecord(record.Experiment, (string?)h["scale"] ?? "as written", (string?)h["manifest"]?["setting"] ?? "classification",
            record.RunKey, first.FinishedAt ?? "", first.Git?.Commit, first.Git?.Dirty ?? false,
            testSize, runs)
        {
            EarlyStopping = variants,
            Chains = chains,
            ProbeModels = ((h["manifest"]?["models"] as JsonObject) ?? [])
                .Where(m => m.Value?["linearProbe"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
                .Select(m => m.Key).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>The kinds whose executor writes <see cref="TrainMetrics"/>: every stage that trains a model and tests it.</summary>
    static readonly HashSet<string> TrainingKinds = new(["weak", "ceiling", "transfer", "bootstrap"], StringComparer.Ordinal);

    /// <summary>The evaluate stage's per-seed rows.</summary>
    static IReadOnlyList<SeedRun> Runs(IReadOnlyList<RunRow> runs) => runs.Select(n => new SeedRun(
        n.Weak, n.Strong, n.Loss, n.Seed, n.WeakAcc, n.TransferAcc, n.CeilingAcc, n.Agreement, n.Pgr, n.Flag)).ToList();

    static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
