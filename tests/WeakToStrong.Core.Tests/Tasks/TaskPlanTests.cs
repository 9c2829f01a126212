using System.Text.Json;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Stages;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Tasks;

/// <summary>Every catalogued task plans, and its data stage key hashes the builder version and the parameters as the builder reads them.</summary>
public class TaskPlanTests
{
    public static TheoryData<string> TaskNames() => [.. TaskCatalog.Default.Tasks.Select(t => t.Name)];

    /// <summary>A manifest for <paramref name="task"/>: its setting, its number of (path) sources, the loss that setting trains with.</summary>
    public static string ManifestFor(TaskDescriptor task, string @params = "{}") => $$"""
        {
          "schemaVersion": 1, "id": "t", "version": "1.0.0",
          "setting": "{{(task.Setting == Setting.RewardModel ? "reward-model" : "classification")}}",
          "data": {
            "task": "{{task.Name}}",
            "sources": [{{string.Join(", ", Enumerable.Range(0, task.Sources).Select(i => $$"""{ "name": "s{{i}}", "path": "s{{i}}", "sha256": "{{new string('0', 64)}}" }"""))}}],
            "split": { "train1": 10, "train2": 10, "test": 10 },
            "params": {{@params}}
          },
          "models": { "weak": { "family": "minilm-l6" }, "strong": { "family": "minilm-l6" } },
          "losses": [ { "name": "{{(task.Setting == Setting.RewardModel ? "bradley-terry" : "xent")}}" } ],
          "seeds": [0]
        }
        """;

    static DataParameters DataOf(string text, ITaskCatalog? tasks = null)
    {
        tasks ??= TaskCatalog.Default;
        var loaded = ManifestLoader.Load(text, "t.json", tasks);
        Assert.Empty(loaded.Diagnostics.Select(d => d.ToString()));
        return PlanCompiler.Compile(loaded.Manifest!, tasks, "v")["data/s0"].Read<DataParameters>();
    }

    static string KeyOf(string text, ITaskCatalog? tasks = null)
    {
        tasks ??= TaskCatalog.Default;
        return PlanCompiler.Compile(ManifestLoader.Load(text, "t.json", tasks).Manifest!, tasks, "v")["data/s0"].Key;
    }

    [Theory, MemberData(nameof(TaskNames))]
    public void Every_catalogued_task_plans_with_its_builder_version_and_every_parameter_filled(string name)
    {
        var task = TaskCatalog.Default.Find(name)!;
        var data = DataOf(ManifestFor(task));
        Assert.Equal((name, task.BuilderVersion, task.Setting), (data.Task, data.BuilderVersion, data.Setting));
        Assert.Equal(task.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal), data.Params.Keys);
        Assert.All(task.Parameters, p => Assert.Equal(JsonSerializer.Serialize(p.Default), JsonSerializer.Serialize(data.Params[p.Name])));
    }

    /// <summary>A subset, not the whole list: adding a task must not mean editing this test, losing one must fail it.</summary>
    [Fact]
    public void The_catalog_registers_the_bundled_tasks_with_their_settings_sorted_by_name()
    {
        Assert.Subset(TaskCatalog.Default.Tasks.Select(t => (t.Name, t.Setting)).ToHashSet(),
            new HashSet<(string, Setting)> { ("definitions", Setting.Classification), ("definitions-preference", Setting.RewardModel),
                ("hypernym", Setting.Classification), ("classification-jsonl", Setting.Classification), ("pairwise-jsonl", Setting.RewardModel), ("spam", Setting.Classification) });
        Assert.Equal(TaskCatalog.Default.Tasks.Select(t => t.Name).Order(StringComparer.Ordinal), TaskCatalog.Default.Tasks.Select(t => t.Name));
    }

    [Fact]
    public void Definitions_parameters_are_normalised_to_their_canonical_spelling()
    {
        var data = DataOf(ManifestFor(TaskCatalog.Default.Find("definitions")!, """{ "partOfSpeech": "verb" }"""));
        Assert.Equal("""{"negatives":"same-file","partsOfSpeech":["verb"]}""", JsonSerializer.Serialize(data.Params));
    }

    [Fact]
    public void Spelling_a_default_out_or_its_singular_form_leaves_the_key_unchanged()
    {
        var task = TaskCatalog.Default.Find("definitions")!;
        var implicitKey = KeyOf(ManifestFor(task));
        Assert.Equal(implicitKey, KeyOf(ManifestFor(task, """{ "negatives": "same-file", "partsOfSpeech": ["noun"] }""")));
        Assert.Equal(implicitKey, KeyOf(ManifestFor(task, """{ "partOfSpeech": "noun" }""")));
        Assert.NotEqual(implicitKey, KeyOf(ManifestFor(task, """{ "negatives": "any-file" }""")));
        Assert.NotEqual(implicitKey, KeyOf(ManifestFor(task, """{ "partsOfSpeech": ["noun", "verb"] }""")));
    }

    [Fact]
    public void A_new_builder_version_changes_the_data_key()
    {
        var v1 = new Catalog(new TaskDescriptor("toy", Setting.Classification, "1", 1, []));
        var v2 = new Catalog(v1.Tasks[0] with { BuilderVersion = "2" });
        var text = ManifestFor(v1.Tasks[0]);
        Assert.Equal("2", DataOf(text, v2).BuilderVersion);
        Assert.NotEqual(KeyOf(text, v1), KeyOf(text, v2));
    }

    [Fact]
    public void Normalising_refuses_what_validation_refuses()
    {
        var spam = TaskCatalog.Default.Find("spam")!;
        var e = Assert.Throws<ArgumentException>(() => spam.Normalise(new Dictionary<string, JsonElement> { ["hamm"] = JsonSerializer.SerializeToElement("all") }));
        Assert.Equal("W2S0041: Task 'spam' has no parameter 'hamm'. Did you mean 'ham'? It takes: ham, maxChars.", e.Message);
    }

    [Fact]
    public void Compiling_a_manifest_whose_task_the_catalog_lacks_is_refused()
    {
        var m = ManifestLoader.Load(ManifestFor(TaskCatalog.Default.Find("spam")!), "t.json", TaskCatalog.Default).Manifest!;
        var e = Assert.Throws<ArgumentException>(() => PlanCompiler.Compile(m, new Catalog(), "v"));
        Assert.StartsWith("task 'spam' is not in the task catalog", e.Message);
    }

    sealed class Catalog(params TaskDescriptor[] tasks) : ITaskCatalog
    {
        public IReadOnlyList<TaskDescriptor> Tasks { get; } = tasks;

        public IReadOnlyList<string> Corpora { get; } = ["sotu", "brown", "moby-dick"];
    }
}
