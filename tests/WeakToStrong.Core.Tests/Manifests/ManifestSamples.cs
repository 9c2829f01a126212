namespace WeakToStrong.Core.Tests.Manifests;

/// <summary>A small valid manifest; tests replace one fragment to introduce exactly one problem.</summary>
internal static class ManifestSamples
{
    public const string Minimal = """
        {
          "schemaVersion": 1,
          "id": "t",
          "version": "1.0.0",
          "data": {
            "task": "definitions",
            "sources": [ { "name": "w", "path": "wordnet/dict" } ],
            "split": { "seed": 0, "train1": 10, "train2": 10, "test": 10 }
          },
          "models": {
            "weak": { "family": "minilm-l6" },
            "strong": { "family": "minilm-l6" }
          },
          "training": { "epochs": 1, "lr": 0.001 },
          "losses": [ { "name": "xent" } ],
          "seeds": [0, 1]
        }
        """;

    /// <summary>Minimal with one exact fragment replaced (the fragment must occur once).</summary>
    public static string With(string fragment, string replacement)
    {
        var at = Minimal.IndexOf(fragment, StringComparison.Ordinal);
        if (at < 0 || Minimal.IndexOf(fragment, at + 1, StringComparison.Ordinal) >= 0)
            throw new ArgumentException($"fragment must occur exactly once: {fragment}");
        return Minimal[..at] + replacement + Minimal[(at + fragment.Length)..];
    }
}
