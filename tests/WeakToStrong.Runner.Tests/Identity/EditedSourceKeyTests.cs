using System.Diagnostics;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Plans;
using WeakToStrong.Runner.Tests.Application;
using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Identity;
using Xunit.Abstractions;

namespace WeakToStrong.Runner.Tests.Identity;

/// <summary>
/// Issue 27's acceptance for code in stage keys, on a real build: the sources are copied to another folder and built
/// there (another path, so nothing path-dependent may leak into a key). With only comments, whitespace, report and
/// CLI code edited, the copy's `w2s plan` gives every key the test host's build gives. After a constant in the
/// logconf loss changes, exactly the stages trained with logconf and what reads them (bootstrap steps after them,
/// evaluate) get new keys; data, weak, label, ceiling and xent stages keep theirs. About 2 minutes: two builds.
/// </summary>
[Collection(TrainingRunsCollection.Name)]
public class EditedSourceKeyTests(ITestOutputHelper output)
{
    const string Experiment = "brown-genre";
    static readonly string Experiments = Path.Combine(FrontEnds.RepositoryRoot, "experiments");

    [Fact]
    public async Task Comment_report_and_cli_edits_change_no_key_and_a_loss_constant_changes_exactly_its_stages_and_their_dependents()
    {
        string copy = Directory.CreateTempSubdirectory("w2s-edited-source-").FullName;
        try
        {
            CopySources(FrontEnds.RepositoryRoot, copy);
            var here = PlanCompiler.Compile(new ExperimentCatalog(Experiments).Resolve(Experiment, null, []), StageCode.Current)
                .Stages.ToDictionary(s => s.Id, s => s.Key);

            Edit(copy, "src/WeakToStrong.Training/Losses/LogConfidenceLoss.cs", "        double c = Warmup.Coefficient(progress);",
                "        // A comment and blank lines move every line below: no key may move with them.\n\n\n        double c   =   Warmup.Coefficient(progress);");
            Edit(copy, "src/WeakToStrong.Reports/ReportRenderer.cs", "public const string Markdown = \"report.md\"", "public const string Markdown = \"report-edited.md\"");
            Edit(copy, "src/WeakToStrong.Cli/Program.cs", "w2s — reproducible", "w2s (edited) — reproducible");
            var edited = await PlanKeys(copy);
            Assert.Equal(here.Count, edited.Count);
            Assert.Empty(here.Where(s => edited[s.Key] != s.Value).Select(s => s.Key));

            Edit(copy, "src/WeakToStrong.Training/Losses/LogConfidenceLoss.cs", "var target = softTargets * (1 - c) + hard * c;", "var target = softTargets * (1 - 0.5 * c) + hard * c;");
            var changed = await PlanKeys(copy);
            var moved = here.Keys.Where(id => changed[id] != here[id]).ToHashSet();
            output.WriteLine($"{moved.Count} of {here.Count} keys moved after the loss edit");

            Assert.NotEmpty(moved);
            foreach (var id in here.Keys)
            {
                bool logconf = id.StartsWith("transfer/", StringComparison.Ordinal) && id.Contains("/logconf/")
                               || id.StartsWith("bootstrap/", StringComparison.Ordinal) && id.Contains("/logconf/");
                bool expected = logconf || id == "evaluate";
                Assert.True(expected == moved.Contains(id), $"{id}: key {(moved.Contains(id) ? "moved" : "kept")}");
            }
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>Stage id → key from the copy's own `w2s plan --json`, after building the copy's CLI.</summary>
    async Task<Dictionary<string, string>> PlanKeys(string copy)
    {
        var clock = Stopwatch.StartNew();
        var build = await Run("dotnet", copy, "build", Path.Combine(copy, "src", "WeakToStrong.Cli", "WeakToStrong.Cli.csproj"), "-c", "Debug", "-nologo", "-v", "q");
        Assert.True(build.ExitCode == 0, build.Output);
        output.WriteLine($"built the copy in {clock.Elapsed.TotalSeconds:F0} s");
        string w2s = Path.Combine(copy, "src", "WeakToStrong.Cli", "bin", "Debug", "net10.0", "w2s.dll");
        var plan = await Run("dotnet", copy, w2s, "plan", "--experiment", Experiment, "--experiments-dir", Experiments, "--json");
        Assert.True(plan.ExitCode == 0, plan.Output);
        return JsonNode.Parse(plan.Output)!["plan"]!["stages"]!.AsArray()
            .ToDictionary(s => (string)s!["id"]!, s => (string)s!["key"]!);
    }

    static void Edit(string root, string file, string from, string to)
    {
        string path = Path.Combine(root, file);
        string text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    /// <summary>What a build of the CLI needs: src/ without build outputs, and the repository's build files.</summary>
    static void CopySources(string from, string to)
    {
        foreach (string file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "README.md" })
            File.Copy(Path.Combine(from, file), Path.Combine(to, file));
        foreach (string file in Directory.EnumerateFiles(Path.Combine(from, "src"), "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj")) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    static async Task<(int ExitCode, string Output)> Run(string program, string directory, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // Not the test host's MSBuild node or build server: the copy builds on its own.
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }
}
