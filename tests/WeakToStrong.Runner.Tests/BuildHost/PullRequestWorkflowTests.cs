using System.Text.RegularExpressions;
using WeakToStrong.Build.Host;
using YamlDotNet.RepresentationModel;

namespace WeakToStrong.Runner.Tests.BuildHost;

/// <summary>
/// The committed pull-request check (.github/workflows/ci.yml) runs CI as .ci/run defines it, and .ci/run runs the
/// README's test command: one definition of what "CI passed" means, whoever runs it. It keeps the gate's tables and
/// failing rows whatever the outcome.
/// </summary>
public class PullRequestWorkflowTests
{
    static readonly string Root = RootDirectoryLocator.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("tests run from inside the repository");

    static YamlMappingNode Workflow()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, ".github", "workflows", "ci.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    static string? Scalar(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    static IReadOnlyList<YamlMappingNode> Steps()
    {
        var job = (YamlMappingNode)Map(Workflow(), "jobs").Children.Values.Single();
        return [.. ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Cast<YamlMappingNode>()];
    }

    /// <summary>The README's test command: the first line of the code block after "Run the tests:".</summary>
    static string ReadmeTestCommand()
    {
        var match = Regex.Match(File.ReadAllText(Path.Combine(Root, "README.md")), @"Run the tests:\s*```bash\n([^\n]+)\n```");
        Assert.True(match.Success, "README.md has no \"Run the tests:\" block");
        return match.Groups[1].Value.Trim();
    }

    [Fact]
    public void ItRunsOnEveryPullRequestAndPushToMain()
    {
        var on = Map(Workflow(), "on");
        Assert.Contains(new YamlScalarNode("pull_request"), on.Children.Keys);
        var branches = (YamlSequenceNode)Map(Map(Workflow(), "on"), "push").Children[new YamlScalarNode("branches")];
        Assert.Equal(["main"], branches.Select(b => ((YamlScalarNode)b).Value));
    }

    [Fact]
    public void ItRunsDotCiRunWhichRunsTheReadmesTestCommand()
    {
        var runs = Steps().Select(s => Scalar(s, "run")).OfType<string>().ToList();
        Assert.Contains(runs, r => Regex.IsMatch(r, @"(^|\s)CI=true bash \.ci/run$"));

        string command = ReadmeTestCommand();
        Assert.Equal("./build.sh Test", command);
        Assert.Contains(command, File.ReadAllLines(Path.Combine(Root, ".ci", "run")).Select(l => l.Trim()));
    }

    [Fact]
    public void ItUploadsTheGateTablesAndTestResultsWhateverTheOutcome()
    {
        var upload = Assert.Single(Steps(), s => Scalar(s, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal("always()", Scalar(upload, "if"));
        var paths = Scalar(Map(upload, "with"), "path")!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // output/gate/ is where each gate test writes its table and failure lines (tests/WeakToStrong.Gate.Tests/GateRun.cs).
        Assert.Contains("output/gate/", paths);
        Assert.Contains("output/test-results/", paths);
    }

    [Fact]
    public void ItsTimeLimitIsCisBudget()
    {
        var job = (YamlMappingNode)Map(Workflow(), "jobs").Children.Values.Single();
        Assert.Equal("90", Scalar(job, "timeout-minutes"));
    }
}
