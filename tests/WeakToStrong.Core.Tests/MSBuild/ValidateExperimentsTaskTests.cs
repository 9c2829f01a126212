using Microsoft.Build.Utilities;
using WeakToStrong.Core.Tests.Manifests;
using WeakToStrong.MSBuild.Tasks;

namespace WeakToStrong.Core.Tests.MSBuild;

public sealed class ValidateExperimentsTaskTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("w2s-validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (bool Ok, RecordingBuildEngine Engine, ValidateExperiments Task) Run(params (string Name, string Text)[] files)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "experiments"));
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(_dir, "experiments", name), text);
        var engine = new RecordingBuildEngine();
        var task = new ValidateExperiments
        {
            BuildEngine = engine,
            DisplayRoot = _dir,
            Experiments = files.Select(f => new TaskItem(Path.Combine(_dir, "experiments", f.Name))).ToArray(),
        };
        return (task.Execute(), engine, task);
    }

    [Fact]
    public void Valid_manifest_passes_and_reports_its_id()
    {
        var (ok, engine, task) = Run(("t.json", ManifestSamples.Minimal));
        Assert.True(ok);
        Assert.Empty(engine.Errors);
        Assert.Equal(["t"], task.ValidIds.Select(i => i.ItemSpec));
    }

    [Fact]
    public void Every_error_is_logged_with_file_line_column_and_code()
    {
        var (text, marks) = Marked.Parse(ManifestSamples.Minimal
            .Replace("\"epochs\": 1", "§\"epoch\": 1")
            .Replace("\"seeds\": [0, 1]", "\"seeds\": [§0.5, 1]"));
        var (ok, engine, _) = Run(("t.json", text));
        Assert.False(ok);
        Assert.Equal([
            ("experiments/t.json", marks[0].Line, marks[0].Column, "W2S0010", "Unknown property 'epoch' in 'training'. Did you mean 'epochs'?"),
            ("experiments/t.json", marks[1].Line, marks[1].Column, "W2S0025", "Seed 0.5 is not an integer: seeds must be whole numbers."),
        ], engine.Errors.Select(e => (e.File, e.LineNumber, e.ColumnNumber, e.Code, e.Message)));
    }

    [Fact]
    public void Id_must_match_the_file_name()
    {
        var (ok, engine, _) = Run(("other.json", ManifestSamples.Minimal));
        Assert.False(ok);
        var e = Assert.Single(engine.Errors);
        Assert.Equal(("experiments/other.json", 3, 9, "W2S0029"), (e.File, e.LineNumber, e.ColumnNumber, e.Code));
    }

    [Fact]
    public void The_build_checks_the_data_section_against_the_task_builders()
    {
        var (text, marks) = Marked.Parse(ManifestSamples.Minimal.Replace("\"task\": \"definitions\"", "\"task\": §\"spma\""));
        var (ok, engine, _) = Run(("t.json", text));
        Assert.False(ok);
        var e = Assert.Single(engine.Errors);
        Assert.Equal(("experiments/t.json", marks[0].Line, marks[0].Column, "W2S0040",
                $"Unknown task 'spma'. Did you mean 'spam'? Available: {Tasks.TaskManifestErrorTests.Available}."),
            (e.File, e.LineNumber, e.ColumnNumber, e.Code, e.Message));
    }

    [Fact]
    public void The_build_checks_the_pretraining_corpus_names_against_the_corpus_readers()
    {
        var (text, marks) = Marked.Parse(ManifestSamples.With("\"training\": {", """
            "pretrain": {
              "corpus": [ { "name": "sotu", "path": "sotu" }, { "name": §"moby-dik", "path": "moby" } ],
              "steps": 10, "batchSize": 2, "ctx": 16, "lr": 1e-3, "precision": "fp32", "seed": 0
            },
            "training": {
            """));
        var (ok, engine, _) = Run(("t.json", text));
        Assert.False(ok);
        var e = Assert.Single(engine.Errors);
        Assert.Equal(("experiments/t.json", marks[0].Line, marks[0].Column, "W2S0042",
                "No pretraining corpus 'moby-dik'. Did you mean 'moby-dick'? Available: sotu, brown, moby-dick."),
            (e.File, e.LineNumber, e.ColumnNumber, e.Code, e.Message));
    }

    [Fact]
    public void All_files_are_checked_even_after_a_broken_one()
    {
        var (ok, engine, task) = Run(("a.json", "{"), ("t.json", ManifestSamples.Minimal), ("b.json", "[]"));
        Assert.False(ok);
        Assert.Equal(["experiments/a.json", "experiments/b.json"], engine.Errors.Select(e => e.File));
        Assert.Equal(["t"], task.ValidIds.Select(i => i.ItemSpec));
    }
}
