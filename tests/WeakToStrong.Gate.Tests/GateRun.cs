using WeakToStrong.Runner;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Application.Gate;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Gate.Tests;

/// <summary>
/// How the gate tests run the gate: the repository's experiments/ and runs/, the user's store (CI's is empty, so the
/// first test computes and the rest read the cache), progress appended to output/gate.log, since a test's output only
/// shows once it has finished.
/// </summary>
static class GateRun
{
    /// <summary>Set by `./build.sh Test --sabotage` (build/Build.cs): every gate test then runs sabotaged, and must fail.</summary>
    public const string SabotageVariable = "W2S_GATE_SABOTAGE";

    public static bool SabotageSwitch => Environment.GetEnvironmentVariable(SabotageVariable) is { Length: > 0 } v && v != "0";

    public static readonly Workspace Repository = Workspace.Locate(AppContext.BaseDirectory);

    public static IReadOnlyList<string> Experiments() =>
        GateVerb.Plan(new GateRequest { Template = Template() });

    public static Task<GateResult> RunAsync(IReadOnlyList<string> experiments, bool sabotage) =>
        GateVerb.RunAsync(new GateRequest { Template = Template(), Experiments = experiments, Sabotage = sabotage }, Progress());

    static ReproduceRequest Template() => new()
    {
        Experiment = "",
        ExperimentsDirectory = Repository.ExperimentsDirectory,
        RunsDirectory = Repository.RunsDirectory,
        CommandLine = "dotnet test tests/WeakToStrong.Gate.Tests",
    };

    /// <summary>Where each experiment's gate table (every metric: snapshot, now, Δ, tolerance, verdict) and failure lines
    /// are written, so that CI can keep them (.github/workflows/ci.yml uploads the folder).</summary>
    public static string TablePath(string experiment) => Path.Combine(Repository.Root, "output", "gate", experiment + ".txt");

    public static void WriteTable(string experiment, GateResult result)
    {
        string path = TablePath(experiment);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, GateText.Render(result));
    }

    static readonly Lazy<TextWriter> Log = new(() =>
    {
        string log = Path.Combine(Repository.Root, "output", "gate.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        return TextWriter.Synchronized(new StreamWriter(log, append: true) { AutoFlush = true });
    });

    static TextProgress Progress() => new(Log.Value);
}
