using WeakToStrong.Build.Experiments;
using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Execution;
using WeakToStrong.Build.Host.Parameters;
using WeakToStrong.Build.Host.Planning;

namespace WeakToStrong.Engine.Tests.BuildHost;

/// <summary>The repository's own build class and the files that describe it.</summary>
public class RepositoryBuildTests
{
    static readonly string Root = RootDirectoryLocator.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("tests run from inside the repository");

    [Fact]
    public void The_committed_schema_matches_the_parameters()
    {
        var expected = BuildSchema.Generate(ParameterDescriptor.For(typeof(global::Build)), TargetDiscovery.Names(typeof(global::Build)));
        var committed = File.ReadAllText(Path.Combine(Root, BuildSchema.RelativePath)).ReplaceLineEndings("\n");

        // On a mismatch: ./build.sh --write-schema
        Assert.Equal(expected, committed);
    }

    [Fact]
    public void Nuke_json_and_parameters_json_name_only_known_parameters()
    {
        var parameters = ParameterDescriptor.For(typeof(global::Build));
        var layers = HostConfiguration.LayersBelowCommandLine(Root, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

        foreach (var layer in layers.OfType<ConfigurationLayer>().Skip(1))
            HostConfiguration.CheckFileKeys(layer, parameters);
        Assert.Equal("./.nuke/build.schema.json", HostConfiguration.File(Root, HostConfiguration.NukeJson)["$schema"]);
        Assert.Equal("./build.schema.json", HostConfiguration.File(Root, HostConfiguration.ParametersJson)["$schema"]);
    }

    [Fact]
    public void Reproduce_Plan_Report_and_Diff_depend_on_nothing_and_Test_builds_first()
    {
        var specs = TargetDiscovery.Discover(new global::Build()).Select(t => t.Spec).ToList();

        Assert.Equal(["Reproduce"], ExecutionPlanner.Plan(specs, ["Reproduce"]).Order);
        Assert.Equal(["Plan"], ExecutionPlanner.Plan(specs, ["Plan"]).Order);
        Assert.Equal(["Report"], ExecutionPlanner.Plan(specs, ["Report"]).Order); // from the record alone: nothing to build first
        Assert.Equal(["Diff"], ExecutionPlanner.Plan(specs, ["Diff"]).Order);
        Assert.Equal(["Restore", "Compile", "Test"], ExecutionPlanner.Plan(specs, ["Test"]).Order);
        Assert.Equal(["Clean", "Restore", "Compile"], ExecutionPlanner.Plan(specs, ["Compile", "Clean"]).Order);
    }

    [Fact]
    public void The_reproduce_request_carries_every_parameter()
    {
        var request = ReproduceRequests.Create("/repo", "nlp-definitions", Scale.Smoke, Device.Cuda, [0, 1], ["training.epochs=1"],
            "store", 2, ["Reproduce", "--experiment", "nlp-definitions", "--set", "a b"]);

        Assert.Equal("nlp-definitions", request.Experiment);
        Assert.Equal("/repo/experiments", request.ExperimentsDirectory);
        Assert.Equal("/repo/runs", request.RunsDirectory);
        Assert.Equal("smoke", request.Scale);
        Assert.Equal("cuda", request.Device);
        Assert.Equal([0, 1], request.Seeds);
        Assert.Equal(["training.epochs=1"], request.Sets);
        Assert.Equal("/repo/store", request.StoreRoot);
        Assert.Equal(2, request.Threads);
        Assert.Equal("./build.sh Reproduce --experiment nlp-definitions --set 'a b'", request.CommandLine);
    }

    [Theory]
    [InlineData("plain-1.0", "plain-1.0")]
    [InlineData("two words", "'two words'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    public void Arguments_are_quoted_for_a_posix_shell(string argument, string quoted)
    {
        Assert.Equal(quoted, ReproduceRequests.Quote(argument));
    }
}
