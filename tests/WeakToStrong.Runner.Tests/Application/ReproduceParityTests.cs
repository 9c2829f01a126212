using System.Text.Json.Nodes;
using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Runner.Tests.Runner;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>
/// `./build.sh Reproduce` and `w2s reproduce` over one store: the host trains the tiny experiment, the tool finds every
/// stage cached and computes the same run, and both end with the same rendered result (progress lines, which carry
/// timings, come before it).
/// </summary>
[Collection(TrainingRunsCollection.Name)]
public sealed class ReproduceParityTests : IDisposable
{
    readonly TinyExperiment experiment = new();

    public void Dispose() => experiment.Dispose();

    string[] ToolArguments(string store) =>
        ["reproduce", "-e", "tiny", "--experiments-dir", experiment.ExperimentsDirectory, "--runs-dir", experiment.RunsDirectory,
         "--store", store, "--threads", "2"];

    [Fact]
    public async Task Both_front_ends_end_with_the_same_pgr_table_run_and_record_lines_text_and_json()
    {
        string store = experiment.NewStore();
        var host = FrontEnds.Host(experiment.Root, "Reproduce", "--experiment", "tiny", "--store", store, "--threads", "2");
        Assert.True(host.ExitCode == 0, host.Error);
        var tool = await FrontEnds.W2s(ToolArguments(store));
        Assert.True(tool.ExitCode == 0, tool.Error);

        string result = tool.Output[tool.Output.IndexOf("PGR · run ", StringComparison.Ordinal)..];
        string key = W2sTool.RunKey(result);
        Assert.EndsWith($"\nrun {key}\nrecord {Path.Combine(experiment.RunsDirectory, "tiny", key + ".json")}\n", result);
        Assert.EndsWith("\n" + result, FrontEnds.TargetOutput(host.Output, "Reproduce"));

        var hostJson = FrontEnds.Host(experiment.Root, "Reproduce", "--experiment", "tiny", "--store", store, "--threads", "2", "--json");
        var toolJson = await FrontEnds.W2s([.. ToolArguments(store), "--json"]);
        Assert.Equal(0, toolJson.ExitCode);
        Assert.Equal(key, (string)JsonNode.Parse(toolJson.Output)!["runKey"]!); // progress went to stderr: stdout is one document
        Assert.Equal(toolJson.Output, FrontEnds.TargetOutput(hostJson.Output, "Reproduce")); // the host's progress too
    }
}
