using WeakToStrong.Runner.Executors;
using WeakToStrong.Build.Experiments;
using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Build.Tools;

/// <summary>
/// The repository's build, NUKE-style (docs/architecture.md §7): `./build.sh [targets] [--parameters]`.
/// This file: the solution lifecycle. Build.Plan.cs and Build.Reproduce.cs hold the experiment targets, which run
/// in-process through the shared library and so depend on no compile step (build.sh has compiled the host).
/// </summary>
partial class Build : NukeBuild
{
    // A `--jobs` stage process dies with the host that started it, as w2s's do (Runner/Executors/ParentDeath.cs).
    public static int Main() => ParentDeath.DieWithParent() ?? Execute<Build>(x => x.Compile);

    [Parameter("Build configuration for Compile and Test.")]
    readonly Configuration Configuration = Configuration.Debug;

    [Parameter("A `dotnet test --filter` expression for Test, e.g. FullyQualifiedName~BuildHost.")]
    readonly string? TestFilter;

    AbsolutePath Solution => RootDirectory / "WeakToStrong.Repro.sln";
    AbsolutePath OutputDirectory => RootDirectory / "output";
    AbsolutePath TestResultsDirectory => OutputDirectory / "test-results";
    string ConfigurationName => Configuration.ToString();

    Target Clean => _ => _
        .Description("Deletes bin/ and obj/ under src/ and tests/, and output/ (the build host's own bin/ is left: it is running).")
        .Before(Restore)
        .Executes(() =>
        {
            foreach (var folder in new[] { "src", "tests" })
                foreach (var project in Directory.EnumerateDirectories(RootDirectory / folder))
                    foreach (var output in new[] { "bin", "obj" })
                        DeleteDirectory(Path.Combine(project, output));
            DeleteDirectory(OutputDirectory);
        });

    Target Restore => _ => _
        .Description("Restores the solution's NuGet packages.")
        .Executes(() => DotNet.Run(RootDirectory, "restore", Solution, "-nologo"));

    Target Compile => _ => _
        .Description("Builds the solution.")
        .DependsOn(Restore)
        .Executes(() => DotNet.Run(RootDirectory, "build", Solution, "--no-restore", "-nologo", "-c", ConfigurationName));

    /// <summary>The gate's test project (docs/gate.md): run after the others, alone, in <see cref="GateConfiguration"/>.</summary>
    AbsolutePath GateTestProject => RootDirectory / "tests" / "WeakToStrong.Gate.Tests";

    const string GateConfiguration = "Release";

    /// <summary>Read by the gate's tests: set by --sabotage, it flips a fifth of every weak label, and the gate must fail.</summary>
    public const string SabotageVariable = "W2S_GATE_SABOTAGE";

    Target Test => _ => _
        .Description("Runs every test project, the PR gate last (docs/gate.md; --sabotage must fail it); TRX results go to output/test-results.")
        .DependsOn(Compile)
        .Executes(() =>
        {
            string[] Arguments(string project, string? filter, string configuration)
            {
                var arguments = new List<string>
                {
                    "test", project, "--no-build", "-nologo", "-c", configuration,
                    "--logger", "trx", "--results-directory", TestResultsDirectory,
                };
                if (!string.IsNullOrEmpty(filter)) arguments.AddRange(["--filter", filter]);
                return [.. arguments];
            }
            // The unit and runner projects run side by side; the gate trains models for minutes, and two torch
            // processes at once on 2 cores slow each other about 10x, so it runs after them, on its own.
            // A failing unit test does not skip the gate: CI reports every failure of one run.
            string notGate = "FullyQualifiedName!~WeakToStrong.Gate.Tests";
            HostException? unitFailure = null;
            try
            {
                DotNet.Run(RootDirectory, Arguments(Solution, string.IsNullOrEmpty(TestFilter) ? notGate : $"({TestFilter})&{notGate}", ConfigurationName));
            }
            catch (HostException e)
            {
                unitFailure = e;
            }
            Output.Line($"Test: the PR gate (tests/WeakToStrong.Gate.Tests, Release; its progress goes to {OutputDirectory / "gate.log"})");
            // The gate trains models for minutes, so it runs the Release build whatever --configuration the other tests use.
            DotNet.Run(RootDirectory, "build", GateTestProject, "--no-restore", "-nologo", "-c", GateConfiguration);
            DotNet.Run(RootDirectory, Sabotage ? new Dictionary<string, string> { [SabotageVariable] = "1" } : null,
                Arguments(GateTestProject, TestFilter, GateConfiguration));
            if (unitFailure is not null) throw unitFailure;
        });

    static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
    }
}
