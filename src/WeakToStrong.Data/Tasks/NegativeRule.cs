namespace WeakToStrong.Data.Tasks;

/// <summary>
/// Where a definitions negative's gloss comes from. Measured (docs/feasibility.md): same-file gives a real
/// weak-to-strong gap (ceiling 0.79–0.81 for a MiniLM pair probe), any-file is easier (0.85–0.86), sibling
/// synsets (same hypernym) are too hard for every model tried.
/// </summary>
public enum NegativeRule { SameFile, AnyFile, Sibling }

public static class NegativeRules
{
    public static string Name(NegativeRule rule) => rule switch
    {
        NegativeRule.SameFile => "same-file",
        NegativeRule.AnyFile => "any-file",
        NegativeRule.Sibling => "sibling",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    public static NegativeRule Parse(string name) => name switch
    {
        "same-file" => NegativeRule.SameFile,
        "any-file" => NegativeRule.AnyFile,
        "sibling" => NegativeRule.Sibling,
        _ => throw new ArgumentException($"unknown negative rule '{name}' (expected same-file, any-file or sibling)"),
    };
}
