using System.Diagnostics;
using System.Text.RegularExpressions;
using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Runner.Tests.Data;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>
/// Bad manifests, records, folders, run keys and arguments through the real `w2s` process, as a careless or hostile
/// user gives them. Each: exit ≠ 0, exactly one line on stderr naming the input, no stack trace, nothing written in the
/// working folder (the default store included), within 10 s. Unchecked, some crash with a trace (a dangling manifest
/// link), say the wrong thing (a store that is a file: "could not find a part of the path"), print several lines
/// (an unknown verb, a newline in an experiment id) or train a whole run before failing (a runs folder that is a file).
/// </summary>
public sealed class HostileInputProcessTests : IDisposable
{
    static readonly string Bundled = Path.Combine(FrontEnds.RepositoryRoot, "experiments");
    static readonly string[] Smoke = ["-e", "nlp-definitions", "--scale", "smoke", "--experiments-dir", Bundled];

    readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    string Experiments => _dir.Combine("experiments");
    string Runs => _dir.Combine("runs");
    string Record(string key) => Path.Combine(Runs, "tiny", key + ".json");
    static string Key(char c) => new(c, 64);

    /// <summary>Each case's setup, arguments and the line it must print (a regex over the whole line; {dir} is the temp folder).</summary>
    (string[] Args, int Exit, string Line, Dictionary<string, string> Environment) Arrange(string name)
    {
        Directory.CreateDirectory(Experiments);
        Directory.CreateDirectory(Path.Combine(Runs, "tiny"));
        string file = _dir.Combine("afile");
        File.WriteAllText(file, "x");
        string D(string s) => Regex.Escape(s.Replace("{dir}", _dir.Path));
        var none = new Dictionary<string, string>();
        switch (name)
        {
            case "manifest is a dangling link":
                File.CreateSymbolicLink(Path.Combine(Experiments, "dangle.json"), "nowhere.json");
                return (["plan", "-e", "dangle", "--experiments-dir", Experiments], 1,
                    D("experiments/dangle.json: error W2S0006: is a symbolic link to nowhere.json, which leads to no file; refused"), none);
            case "manifest is invalid UTF-8":
                File.WriteAllBytes(Path.Combine(Experiments, "bad.json"), [.. "{\"a\":\""u8, 0xFF, 0xFE, .. "\"}"u8]);
                return (["plan", "-e", "bad", "--experiments-dir", Experiments], 1,
                    D("experiments/bad.json(1,7): error W2S0002: The file is not valid UTF-8: byte 0xFF at offset 6 starts an invalid sequence."), none);
            case "manifest is 0 bytes":
                File.WriteAllText(Path.Combine(Experiments, "empty.json"), "");
                return (["plan", "-e", "empty", "--experiments-dir", Experiments], 1,
                    D("experiments/empty.json(1,1): error W2S0005: The file is empty: expected a JSON object."), none);
            case "manifest over W2S_MAX_DOCUMENT_BYTES":
                File.WriteAllText(Path.Combine(Experiments, "big.json"), "{" + new string(' ', 300) + "}");
                return (["plan", "-e", "big", "--experiments-dir", Experiments], 1,
                    D("experiments/big.json: error W2S0006: is 302 bytes, over the 100-byte limit for a manifest, run record or snapshot; refused (set W2S_MAX_DOCUMENT_BYTES to raise it)"),
                    new() { ["W2S_MAX_DOCUMENT_BYTES"] = "100" });
            case "manifest is a folder":
                Directory.CreateDirectory(Path.Combine(Experiments, "dir.json"));
                return (["plan", "-e", "dir", "--experiments-dir", Experiments], 1,
                    D("--experiment dir: error W2S0100: Unknown experiment 'dir'. Available: none."), none);
            case "experiments folder is a file":
                return (["plan", "-e", "tiny", "--experiments-dir", file], 1,
                    D("--experiment tiny: error W2S0100: Unknown experiment 'tiny'. Available: none ({dir}/afile is a file, not a folder)."), none);
            case "experiment id climbs out of the folder":
                File.WriteAllText(_dir.Combine("escape.json"), "{}");
                return (["plan", "-e", "../escape", "--experiments-dir", Experiments], 1,
                    D("--experiment ../escape: error W2S0100: Unknown experiment '../escape'. Available: none."), none);
            case "experiment id holds a newline":
                return (["plan", "-e", "a\nb", "--experiments-dir", Experiments], 1,
                    D("--experiment a\\u000ab: error W2S0100: Unknown experiment 'a\\u000ab'. Available: none."), none);
            case "record is truncated JSON":
                File.WriteAllText(Record(Key('a')), "{\"format\": 1, \"hashed\": {");
                return (["report", "aaaa", "--runs-dir", Runs, "--out", _dir.Combine("report")], 1,
                    D($"error: {Record(Key('a'))}: not a readable run record (") + @"[^\n]+\)", none);
            case "record is a JSON array":
                File.WriteAllText(Record(Key('b')), "[1, 2]");
                return (["report", "bbbb", "--runs-dir", Runs, "--out", _dir.Combine("report")], 1,
                    D($"error: {Record(Key('b'))}: not a readable run record (not a JSON object)"), none);
            case "record has another format":
                File.WriteAllText(Record(Key('c')), "{\"format\": \"nope/9\"}");
                return (["audit", "--run", "cccc", "--runs-dir", Runs], 1,
                    D($"error: {Record(Key('c'))}: not a readable run record (run record format \"nope/9\" is not 1 or 2)"), none);
            case "report of an ambiguous run key":
                File.WriteAllText(Record(Key('d')), "{}");
                File.WriteAllText(Record("dddd" + new string('e', 60)), "{}");
                return (["report", "dddd", "--runs-dir", Runs, "--out", _dir.Combine("report")], 1,
                    D("error: 'dddd' matches 2 runs; give more of the key"), none);
            case "audit of an ambiguous run key":
                File.WriteAllText(Record(Key('d')), "{}");
                File.WriteAllText(Record("dddd" + new string('e', 60)), "{}");
                return (["audit", "--run", "dddd", "--runs-dir", Runs], 1,
                    D("error: 'dddd' matches 2 runs; give more of the key"), none);
            case "report of an unknown run key":
                return (["report", "0123", "--runs-dir", Runs, "--out", _dir.Combine("report")], 1,
                    D("error: no run record matches '0123' under {dir}/runs"), none);
            case "store is a file":
                return (["reproduce", .. Smoke, "--store", file, "--runs-dir", Runs], 1,
                    D("error: cannot use the store at {dir}/afile: {dir}/afile is a file, not a folder; choose another with --store (or W2S_STORE)"), none);
            case "store under a file":
                return (["reproduce", .. Smoke, "--store", Path.Combine(file, "store"), "--runs-dir", Runs], 1,
                    D("error: cannot use the store at {dir}/afile/store: {dir}/afile is a file, not a folder; choose another with --store (or W2S_STORE)"), none);
            case "store objects/ is a file":
                Directory.CreateDirectory(_dir.Combine("store"));
                File.WriteAllText(_dir.Combine("store", "objects"), "x");
                return (["reproduce", .. Smoke, "--store", _dir.Combine("store"), "--runs-dir", Runs], 1,
                    D("error: cannot use the store at {dir}/store: {dir}/store/objects is a file, not a folder; choose another with --store (or W2S_STORE)"), none);
            case "runs folder is a file":
                return (["reproduce", .. Smoke, "--store", _dir.Combine("never"), "--runs-dir", file], 1,
                    D("--runs-dir {dir}/afile is a file, not a folder; give a folder for run records"), none);
            case "threads is not a number":
                return (["reproduce", .. Smoke, "--threads", "abc"], 1,
                    D("--threads must be a whole number (got 'abc')"), none);
            case "scale is unknown":
                return (["plan", "-e", "nlp-definitions", "--experiments-dir", Bundled, "--scale", "nosuch"], 1,
                    D("--scale nosuch: error W2S0030: Unknown scale 'nosuch'. This manifest declares: smoke, gate, cpu, paper."), none);
            case "environment override of a path that does not exist":
                return (["plan", .. Smoke], 1,
                    D("environment W2S_SET__nosuch__path: error W2S0010: Unknown property 'nosuch' in the manifest."),
                    new() { ["W2S_SET__nosuch__path"] = "1" });
            case "override of the wrong type":
                return (["plan", .. Smoke, "--set", "training.lr=fast"], 1,
                    D("--set training.lr=fast: error W2S0011: 'training.lr' must be a number, got string \"fast\"."), none);
            case "unknown verb":
                return (["frobnicate"], 1, D("Unrecognized command or argument 'frobnicate'; see w2s --help."), none);
            case "unknown option":
                return (["plan", "--frobnicate", .. Smoke], 1, D("Unrecognized command or argument '--frobnicate'; see w2s --help."), none);
            default:
                throw new ArgumentException(name);
        }
    }

    [Theory]
    [InlineData("manifest is a dangling link")]
    [InlineData("manifest is invalid UTF-8")]
    [InlineData("manifest is 0 bytes")]
    [InlineData("manifest over W2S_MAX_DOCUMENT_BYTES")]
    [InlineData("manifest is a folder")]
    [InlineData("experiments folder is a file")]
    [InlineData("experiment id climbs out of the folder")]
    [InlineData("experiment id holds a newline")]
    [InlineData("record is truncated JSON")]
    [InlineData("record is a JSON array")]
    [InlineData("record has another format")]
    [InlineData("report of an ambiguous run key")]
    [InlineData("audit of an ambiguous run key")]
    [InlineData("report of an unknown run key")]
    [InlineData("store is a file")]
    [InlineData("store under a file")]
    [InlineData("store objects/ is a file")]
    [InlineData("runs folder is a file")]
    [InlineData("threads is not a number")]
    [InlineData("scale is unknown")]
    [InlineData("environment override of a path that does not exist")]
    [InlineData("override of the wrong type")]
    [InlineData("unknown verb")]
    [InlineData("unknown option")]
    public async Task IsOneLineNamingTheInputAndWritesNothing(string name)
    {
        var (args, expectedExit, line, environment) = Arrange(name);
        environment["XDG_CACHE_HOME"] = _dir.Combine("xdg"); // the default store, were one opened
        var before = Tree();

        var (exit, error) = await RunAsync(environment, args);

        Assert.Equal(expectedExit, exit);
        Assert.DoesNotContain("   at ", error);
        Assert.Matches("^" + line + "$", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(before, Tree());
    }

    /// <summary>Every path under the temp folder, links not followed: what a refused command must leave as it was.</summary>
    List<string> Tree() =>
        [.. new DirectoryInfo(_dir.Path).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(i => i.FullName).Order(StringComparer.Ordinal)];

    static async Task<(int Exit, string Error)> RunAsync(Dictionary<string, string> environment, string[] args)
    {
        using var p = W2sTool.Start(environment, args);
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await p.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"w2s {string.Join(' ', args)} still ran after 10 s");
        }
        await output;
        return (p.ExitCode, await error);
    }
}
