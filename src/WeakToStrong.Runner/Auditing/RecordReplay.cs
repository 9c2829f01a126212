using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Provenance.Audit;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Identity;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Auditing;

/// <summary>
/// `Audit --rerun`: re-executes a run from its record — the record's resolved manifest, not today's file — in a fresh
/// scratch store, so that nothing comes from the stage cache, then compares the result with the record.
/// </summary>
public static class RecordReplay
{
    public static async Task<RerunComparison> RunAsync(RunRecord record, ContentStore store, int? threads, bool codeChanged,
        IRunProgress progress, string commandLine, CancellationToken ct = default)
    {
        string scratch = Path.Combine(store.Root, "tmp", $"audit-rerun-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            // Pinned sources are content-addressed and re-verified on every use: share them rather than download again.
            string sources = Path.Combine(store.Root, "sources");
            if (Directory.Exists(sources)) Directory.CreateSymbolicLink(Path.Combine(scratch, "sources"), sources);
            string experiments = Directory.CreateDirectory(Path.Combine(scratch, Workspace.ExperimentsFolder)).FullName;
            string? scale = (string?)record.Hashed["scale"];
            File.WriteAllText(Path.Combine(experiments, record.Experiment + ".json"), ReplayManifest(record.Hashed, scale));

            // The execution that computed the numbers: a later one that took every stage from the store computed nothing.
            int recordedThreads = record.First.Threads ?? System.Environment.ProcessorCount;
            string recordedDevice = record.First.Device ?? "cpu";
            int useThreads = ThreadCount.Resolve(threads ?? recordedThreads);
            var result = await Reproduction.RunAsync(new ReproduceRequest
            {
                Experiment = record.Experiment,
                ExperimentsDirectory = experiments,
                RunsDirectory = Path.Combine(scratch, Workspace.RunsFolder),
                StoreRoot = scratch,
                Scale = scale,
                UseDefaultScale = false,
                Device = recordedDevice,
                Threads = useThreads,
                CommandLine = commandLine,
            }, progress, ct);
            var rerun = RunRecord.Read(result.RecordPath);

            var (expect, why) = Expectation(record.First, rerun.Latest, codeChanged);
            return RerunCompare.Compare(record, rerun, expect, why);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true); // removes the link, never the shared sources behind it
        }
    }

    /// <summary>
    /// The record's resolved manifest as a manifest file: scale entries are already applied, so the scale is declared
    /// empty (resolution needs it to exist and records it in the plan), and resolving it again gives the same manifest.
    /// A run without a scale (the manifest as written) replays without one.
    /// </summary>
    public static string ReplayManifest(JsonObject hashed, string? scale)
    {
        var manifest = hashed["manifest"]!.DeepClone().AsObject();
        if (scale is not null) manifest["scales"] = new JsonObject { [scale] = new JsonObject() };
        return manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Bits are expected to match only on the same thread count, device and CPU model, with the same code (docs/architecture.md §6, §9).</summary>
    public static (bool Expect, string Why) Expectation(RunExecution recorded, RunExecution rerun, bool codeChanged)
    {
        var differences = new List<string>();
        foreach (var (field, a, b) in new[]
                 {
                     ("threads", Text(recorded.Threads), Text(rerun.Threads)), ("device", Text(recorded.Device), Text(rerun.Device)),
                     ("cpu", Text(recorded.Cpu), Text(rerun.Cpu)),
                 })
            if (a != b) differences.Add($"{field} {a} -> {b}");
        if (codeChanged) differences.Add("code identity changed");
        return differences.Count == 0
            ? (true, $"same threads {Text(recorded.Threads)}, device {Text(recorded.Device)}, CPU '{Text(recorded.Cpu)}' and code")
            : (false, string.Join(", ", differences));
    }

    static string Text(object? value) => value is null ? "unknown" : Convert.ToString(value, CultureInfo.InvariantCulture)!;
}
