namespace WeakToStrong.Data.Formats.RData;

/// <summary>
/// An unserialized R object: the few kinds a data file holds (vectors, lists, pairlists, symbols, environments), each
/// with its attributes in the order R wrote them. Only what reading data needs; code (closures, byte code, promises)
/// is refused by <see cref="RUnserializer"/> rather than modelled.
/// </summary>
public abstract class RValue
{
    /// <summary>The attribute pairlist (<c>names</c>, <c>class</c>, <c>levels</c>, <c>row.names</c>, …); empty if none.</summary>
    public IReadOnlyList<KeyValuePair<string, RValue>> Attributes { get; internal set; } = [];

    /// <summary>The attribute named <paramref name="name"/>, or null.</summary>
    public RValue? Attribute(string name) => Attributes.FirstOrDefault(a => a.Key == name).Value;

    /// <summary>The <c>class</c> attribute's strings (R's <c>oldClass</c>), empty if there is none.</summary>
    public IReadOnlyList<string?> Class => Attribute("class") is RStrings s ? s.Values : [];

    /// <summary>The <c>names</c> attribute's strings, or null.</summary>
    public IReadOnlyList<string?>? Names => (Attribute("names") as RStrings)?.Values;
}

/// <summary>R's <c>NULL</c>.</summary>
public sealed class RNull : RValue
{
    public static RNull Instance { get; } = new();
    private RNull() { }
}

/// <summary>A symbol (SYMSXP): an attribute's or pairlist element's tag, or a class name in ALTREP/S4 metadata.</summary>
public sealed class RSymbol(string name) : RValue
{
    public string Name { get; } = name;
    public override string ToString() => Name;
}

/// <summary>A pairlist (LISTSXP): tagged elements, as attributes and environment frames are stored.</summary>
public sealed class RPairList(IReadOnlyList<KeyValuePair<string?, RValue>> elements) : RValue
{
    public IReadOnlyList<KeyValuePair<string?, RValue>> Elements { get; } = elements;
}

/// <summary>
/// An environment: a serialized one (ENVSXP: its enclosure, frame and hash table as read) or one of R's well-known
/// ones, which are written by name only (<see cref="Kind"/> global, base, empty, base namespace, or a package or
/// namespace with its <see cref="Info"/> strings).
/// </summary>
public sealed class REnvironment(string kind, IReadOnlyList<string?>? info = null) : RValue
{
    public string Kind { get; } = kind;
    public IReadOnlyList<string?> Info { get; } = info ?? [];
    public bool Locked { get; internal set; }
    public RValue Enclosure { get; internal set; } = RNull.Instance;
    public RValue Frame { get; internal set; } = RNull.Instance;
    public RValue HashTable { get; internal set; } = RNull.Instance;
}

/// <summary>R's markers for "no value" that can appear in serialized frames: the unbound value and the missing argument.</summary>
public sealed class RMarker(string name) : RValue
{
    public string Name { get; } = name;
    public override string ToString() => Name;
}
