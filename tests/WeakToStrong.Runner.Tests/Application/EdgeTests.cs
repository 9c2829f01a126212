using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Build.Experiments;
using WeakToStrong.Build.Host.Parameters;
using WeakToStrong.Runner;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>What stays at the edges: Spectre.Console out of the libraries, scale defaults in manifests, help on every verb.</summary>
public class EdgeTests
{
    [Fact]
    public void The_runner_library_does_not_reference_spectre_console() =>
        Assert.DoesNotContain(typeof(Reproduction).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("Spectre", StringComparison.Ordinal));

    [Fact]
    public void Root_nuke_json_injects_no_scale_so_the_manifests_default_decides()
    {
        var nukeJson = HostConfiguration.File(FrontEnds.RepositoryRoot, HostConfiguration.NukeJson);

        Assert.Null(nukeJson["Scale"]);
    }

    [Fact]
    public void The_host_binds_no_scale_when_none_is_given()
    {
        var host = FrontEnds.Host(FrontEnds.RepositoryRoot, "--help");

        Assert.Equal(0, host.ExitCode);
        Assert.Matches(@"\n  --scale\s+Scale to run at,[^\]]*\[values:\s+smoke\|gate\|cpu\|paper;\s+current:\s+none\]\n", host.Output);
        foreach (var target in new[] { "Plan", "Reproduce", "Runs", "Audit" })
            Assert.Matches($@"\n  {target}\s+\S", host.Output);
    }

    [Fact]
    public void A_host_request_without_a_scale_leaves_the_choice_to_the_manifest()
    {
        var request = ReproduceRequests.Create("/repo", "chatgpt-rm", null, Device.Cpu, [], [], null, null, ["Reproduce"]);

        Assert.Null(request.Scale);
        Assert.True(request.UseDefaultScale);
    }

    [Theory]
    [InlineData("plan", "--experiment")]
    [InlineData("reproduce", "--store")]
    [InlineData("runs", "--runs-dir")]
    [InlineData("audit", "--rerun")]
    public async Task Every_w2s_verb_has_help(string verb, string option)
    {
        var (code, output, _) = await W2sTool.RunAsync(verb, "--help");

        Assert.Equal(0, code);
        Assert.Contains($"  w2s {verb} [options]", output);
        Assert.Contains(option, output);
        Assert.Contains("--json", output);
    }

    [Fact]
    public async Task W2s_alone_prints_its_help_with_every_verb_on_stderr_and_exits_1()
    {
        var (code, output, error) = await W2sTool.RunAsync();

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("  w2s [command] [options]", error);
        foreach (var verb in new[] { "plan", "reproduce", "runs", "audit", "report", "diff", "gate", "results" })
            Assert.Matches($@"\n  {verb}\b", error);
    }

    [Theory]
    [InlineData("report", "w2s report [options]", "--run")] // the run is --run, as audit and the host name it (ArgumentStyleTests)
    [InlineData("diff", "w2s diff <a> <b> [options]", "--md")]
    public async Task The_record_verbs_have_help_naming_their_arguments(string verb, string usage, string option)
    {
        var (code, output, _) = await W2sTool.RunAsync(verb, "--help");

        Assert.Equal(0, code);
        Assert.Contains($"  {usage}\n", output);
        Assert.Contains(option, output);
        Assert.Contains("--runs-dir", output);
        Assert.Contains("--json", output);
    }
}
