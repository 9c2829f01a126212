using Microsoft.Extensions.Configuration;
using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.CommandLine;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Build.Host.Parameters;

namespace WeakToStrong.Runner.Tests.BuildHost;

// [Parameter] fields are assigned by the host through reflection, which the compiler cannot see.
#pragma warning disable CS0649

public sealed class ParameterLayeringTests : IDisposable
{
    public enum Mode { Smoke, Cpu, Paper }

    sealed class Parameters
    {
        [Parameter("experiment")] public readonly string? Experiment;
        [Parameter("scale")] public readonly Mode Scale = Mode.Cpu;
        [Parameter("seeds")] public readonly int[] Seeds = [];
        [Parameter("threads")] public readonly int? Threads;
        [Parameter("store")] public string StoreRoot { get; set; } = "default-store";
        [Parameter("flag")] public readonly bool Fast;
    }

    readonly string root = Directory.CreateTempSubdirectory("w2s-layers-").FullName;
    static readonly IReadOnlyList<ParameterDescriptor> Descriptors = ParameterDescriptor.For(typeof(Parameters));

    public void Dispose() => Directory.Delete(root, recursive: true);

    (Parameters Build, IReadOnlyList<BoundParameter> Bound) Bind(string[] args, Dictionary<string, string?> environment)
    {
        var commandLine = CommandLineParser.Parse(args, Descriptors.Select(d => d.Shape).ToList());
        var env = new ConfigurationBuilder().AddInMemoryCollection(environment).Build();
        var build = new Parameters();
        var bound = ParameterBinder.Bind(build, Descriptors, [new CommandLineLayer(commandLine), .. HostConfiguration.LayersBelowCommandLine(root, env)]);
        return (build, bound);
    }

    void WriteNukeJson(string json) => File.WriteAllText(Path.Combine(root, "nuke.json"), json);

    void WriteParametersJson(string json)
    {
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        File.WriteAllText(Path.Combine(root, ".nuke", "parameters.json"), json);
    }

    [Fact]
    public void Command_line_beats_environment_beats_nuke_json_beats_parameters_json()
    {
        WriteNukeJson("""{ "Experiment": "from-nuke-json", "Scale": "paper", "Threads": 3, "StoreRoot": "json-store" }""");
        WriteParametersJson("""{ "Experiment": "from-parameters", "Scale": "smoke", "Threads": 4, "StoreRoot": "p-store", "Fast": true }""");
        var (build, bound) = Bind(["--experiment", "from-cli"], new() { ["EXPERIMENT"] = "from-env", ["SCALE"] = "smoke" });

        Assert.Equal("from-cli", build.Experiment);
        Assert.Equal(Mode.Smoke, build.Scale);
        Assert.Equal(3, build.Threads);
        Assert.Equal("json-store", build.StoreRoot);
        Assert.True(build.Fast);
        var sources = bound.ToDictionary(b => b.Parameter.Name, b => b.Source);
        Assert.Equal("command line", sources["Experiment"]);
        Assert.Equal("environment", sources["Scale"]);
        Assert.Equal("nuke.json", sources["Threads"]);
        Assert.Equal("nuke.json", sources["StoreRoot"]);
        Assert.Equal(Path.Combine(".nuke", "parameters.json"), sources["Fast"]);
        Assert.Equal("default", sources["Seeds"]);
    }

    [Fact]
    public void Without_any_layer_the_initializer_stays()
    {
        var (build, bound) = Bind([], new());

        Assert.Null(build.Experiment);
        Assert.Equal(Mode.Cpu, build.Scale);
        Assert.Empty(build.Seeds);
        Assert.Equal("default-store", build.StoreRoot);
        Assert.All(bound, b => Assert.Equal("default", b.Source));
    }

    [Fact]
    public void Arrays_come_from_repeated_cli_values_an_environment_string_or_a_json_array()
    {
        Assert.Equal([0, 1, 2], Bind(["--seeds", "0", "1", "2"], new()).Build.Seeds);
        Assert.Equal([5, 6], Bind([], new() { ["SEEDS"] = "5 6" }).Build.Seeds);
        Assert.Equal([7, 8], Bind([], new() { ["SEEDS"] = "7,8" }).Build.Seeds);
        WriteNukeJson("""{ "Seeds": [3, 4] }""");
        Assert.Equal([3, 4], Bind([], new()).Build.Seeds);
    }

    [Fact]
    public void Environment_keys_may_be_upper_snake_or_the_member_name()
    {
        Assert.Equal("s1", Bind([], new() { ["STORE_ROOT"] = "s1" }).Build.StoreRoot);
        Assert.Equal("s2", Bind([], new() { ["StoreRoot"] = "s2" }).Build.StoreRoot);
    }

    [Fact]
    public void An_empty_environment_value_counts_as_unset()
    {
        WriteNukeJson("""{ "Experiment": "from-file" }""");

        Assert.Equal("from-file", Bind([], new() { ["EXPERIMENT"] = "" }).Build.Experiment);
    }

    [Fact]
    public void Nuke_prefixed_environment_variables_win_over_bare_ones()
    {
        // Real process environment, through the host's own provider setup; names unique to this test.
        Environment.SetEnvironmentVariable("W2S_LAYER_PROBE", "bare");
        Environment.SetEnvironmentVariable("NUKE_W2S_LAYER_PROBE", "prefixed");
        try
        {
            Assert.Equal("prefixed", HostConfiguration.Environment()["W2S_LAYER_PROBE"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("W2S_LAYER_PROBE", null);
            Environment.SetEnvironmentVariable("NUKE_W2S_LAYER_PROBE", null);
        }
    }

    [Fact]
    public void Enum_values_are_case_insensitive_and_a_typo_names_the_nearest()
    {
        Assert.Equal(Mode.Paper, Bind(["--scale", "PAPER"], new()).Build.Scale);

        var error = Assert.Throws<HostException>(() => Bind(["--scale", "smok"], new()));
        Assert.Equal("Parameter '--scale': Unknown value 'smok'; did you mean 'smoke'?", error.Message);
    }

    [Fact]
    public void A_malformed_number_is_one_line()
    {
        var error = Assert.Throws<HostException>(() => Bind(["--threads", "two"], new()));

        Assert.Equal("Parameter '--threads': 'two' is not a valid int.", error.Message);
    }

    [Fact]
    public void A_misspelt_key_in_nuke_json_names_the_nearest_parameter()
    {
        WriteNukeJson("""{ "$schema": "./.nuke/build.schema.json", "Experimnt": "x" }""");
        var layer = (ConfigurationLayer)HostConfiguration.LayersBelowCommandLine(root, new ConfigurationBuilder().Build())[1];

        var error = Assert.Throws<HostException>(() => HostConfiguration.CheckFileKeys(layer, Descriptors));
        Assert.Equal("nuke.json: Unknown parameter 'Experimnt'; did you mean 'Experiment'?", error.Message);
    }
}
