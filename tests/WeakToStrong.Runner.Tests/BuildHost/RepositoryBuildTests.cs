using WeakToStrong.Build.Experiments;
using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Execution;
using WeakToStrong.Build.Host.Parameters;
using WeakToStrong.Build.Host.Planning;

namespace WeakToStrong.Runner.Tests.BuildHost;

/// <summary>The repository's own build class and the files that describe it.</summary>
public class RepositoryBuildTests
{
    static readonly string Root = RootDirectoryLocator.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("tests run from inside the repository");

    [Fact]
    public void The_committed_schema_matches_the_parameters()
    {
        var expected = BuildSchema.Generate(ParameterDescriptor.For(typeof(global::Build)), TargetDiscovery.Names(typeof(global::Build)), Build.Host.BuildHost.HostOptions);
        var committed = File.ReadAllText(Path.Combine(Root, BuildSchema.RelativePath)).ReplaceLineEndings("\n");

        // On a mismatch: ./build.sh --write-schema
        Assert.Equal(expected, committed);
    }

    /// <summary>
    /// The shape NUKE 8/9 writes and its global tool's `:complete` and the IDE plugins read
    /// (nuke-build/nuke, source/Nuke.Build/Utilities/SchemaUtility.cs): targets as an enum under definitions, the
    /// host's options under definitions.NukeBuild, and the build's parameters beside a reference to it.
    /// </summary>
    [Fact]
    public void The_schema_has_NUKEs_shape()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Root, BuildSchema.RelativePath)))!;
        var definitions = schema["definitions"]!;

        Assert.Equal("http://json-schema.org/draft-04/schema#", (string)schema["$schema"]!);
        Assert.Equal(["ExecutableTarget", "Verbosity", "NukeBuild"], definitions.AsObject().Select(p => p.Key));
        Assert.Equal("string", (string)definitions["ExecutableTarget"]!["type"]!);
        Assert.Equal(TargetDiscovery.Names(typeof(global::Build)).Order(StringComparer.Ordinal),
            definitions["ExecutableTarget"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["Quiet", "Minimal", "Normal", "Verbose"], definitions["Verbosity"]!["enum"]!.AsArray().Select(v => (string)v!));
        var host = definitions["NukeBuild"]!["properties"]!;
        Assert.Equal(["Help", "NoLogo", "Plan", "Root", "Skip", "Target", "Verbosity", "WriteSchema"], host.AsObject().Select(p => p.Key));
        Assert.Equal(("array", "#/definitions/ExecutableTarget"), ((string)host["Skip"]!["type"]!, (string)host["Skip"]!["items"]!["$ref"]!));
        Assert.Equal(("array", "#/definitions/ExecutableTarget"), ((string)host["Target"]!["type"]!, (string)host["Target"]!["items"]!["$ref"]!));
        Assert.Equal("#/definitions/Verbosity", (string)host["Verbosity"]!["$ref"]!);
        Assert.Equal("boolean", (string)host["NoLogo"]!["type"]!);
        var allOf = schema["allOf"]!.AsArray();
        Assert.Equal(2, allOf.Count);
        Assert.Equal("#/definitions/NukeBuild", (string)allOf[1]!["$ref"]!);
        Assert.Equal(["cpu", "cuda"], allOf[0]!["properties"]!["Device"]!["enum"]!.AsArray().Select(v => (string)v!));
    }

    /// <summary>
    /// NUKE's completion (source/Nuke.Build/Utilities/CompletionUtility.cs, GetItemsFromSchema) throws
    /// NotSupportedException on a property with neither `type` nor `$ref`, and follows a `$ref` to its definition.
    /// </summary>
    [Fact]
    public void Every_schema_property_has_a_type_or_a_reference_that_resolves()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Root, BuildSchema.RelativePath)))!;
        var definitions = schema["definitions"]!.AsObject();
        var properties = definitions["NukeBuild"]!["properties"]!.AsObject()
            .Concat(schema["allOf"]![0]!["properties"]!.AsObject()).ToList();

        foreach (var (name, property) in properties)
        {
            var typed = property!["items"] ?? property;
            string? reference = (string?)typed["$ref"];
            Assert.True(property["type"] is not null || reference is not null, $"{name} has neither type nor $ref");
            if (reference is not null)
                Assert.True(definitions.ContainsKey(reference.Split('/')[^1]), $"{name}: {reference} names no definition");
        }
        Assert.Equal(ParameterDescriptor.For(typeof(global::Build)).Count + Build.Host.BuildHost.HostOptions.Count, properties.Count);
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
