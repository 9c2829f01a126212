namespace WeakToStrong.Data.Formats.RData;

/// <summary>
/// The SEXP type codes of R's serialization format (R Internals §1.8 and src/main/serialize.c), the low byte of each
/// item's flags word: real types (0–25) and the pseudo-types the writer uses for shared or special values (238–255).
/// Named here so that a refusal can say which type it met.
/// </summary>
public enum RSexpType
{
    NilSxp = 0, SymSxp = 1, ListSxp = 2, CloSxp = 3, EnvSxp = 4, PromSxp = 5, LangSxp = 6, SpecialSxp = 7,
    BuiltinSxp = 8, CharSxp = 9, LglSxp = 10, IntSxp = 13, RealSxp = 14, CplxSxp = 15, StrSxp = 16, DotSxp = 17,
    AnySxp = 18, VecSxp = 19, ExprSxp = 20, BcodeSxp = 21, ExtptrSxp = 22, WeakrefSxp = 23, RawSxp = 24, S4Sxp = 25,

    AltrepSxp = 238, AttrListSxp = 239, AttrLangSxp = 240, BaseEnvSxp = 241, EmptyEnvSxp = 242, BcRepRef = 243,
    BcRepDef = 244, GenericRefSxp = 245, ClassRefSxp = 246, PersistSxp = 247, PackageSxp = 248, NamespaceSxp = 249,
    BaseNamespaceSxp = 250, MissingArgSxp = 251, UnboundValueSxp = 252, GlobalEnvSxp = 253, NilValueSxp = 254, RefSxp = 255,
}

/// <summary>
/// The flags word that precedes every serialized item: type in bits 0–7, "is an object" bit 8, "has attributes" bit 9,
/// "has a tag" bit 10, and the gp levels in bits 12–27 (for a CHARSXP, its encoding; for a REFSXP, bits 8+ are the index).
/// </summary>
public readonly record struct RFlags(int Value)
{
    public RSexpType Type => (RSexpType)(Value & 0xFF);
    public bool HasAttributes => (Value & (1 << 9)) != 0;
    public bool HasTag => (Value & (1 << 10)) != 0;
    public int Levels => Value >> 12;
    /// <summary>A back-reference's 1-based index packed into the flags (0: the index follows as its own integer).</summary>
    public int PackedRefIndex => Value >> 8;

    /// <summary>How R names an unknown or unsupported type in a message: <c>CLOSXP (3)</c>.</summary>
    public static string Describe(int type) =>
        Enum.IsDefined((RSexpType)type) ? $"{((RSexpType)type).ToString().ToUpperInvariant()} ({type})" : $"unknown type {type}";
}
