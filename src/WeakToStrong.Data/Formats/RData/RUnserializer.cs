using System.Text;

namespace WeakToStrong.Data.Formats.RData;

/// <summary>
/// Reads R's XDR serialization (format versions 2 and 3, as <c>saveRDS</c>, <c>serialize</c> and lazy-load databases
/// write it; src/main/serialize.c) into <see cref="RValue"/>s: NULL, symbols, pairlists, environments, character,
/// integer, logical, double, raw and generic vectors, with attributes and back-references. Anything else — code, S4,
/// ALTREP, complex, the ASCII and native-binary formats — is refused with a message naming the type and the offset,
/// rather than guessed at.
/// </summary>
public sealed class RUnserializer
{
    // CHARSXP encoding bits in the gp levels (src/include/Defn.h): BYTES_MASK, LATIN1_MASK, UTF8_MASK, ASCII_MASK.
    const int Bytes = 1 << 1, Latin1 = 1 << 2, Utf8 = 1 << 3, Ascii = 1 << 6;

    static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    readonly XdrReader _in;
    readonly List<RValue> _refs = [];
    Encoding _native = StrictUtf8;

    private RUnserializer(XdrReader input) => _in = input;

    /// <summary>The format version the stream declared (2 or 3).</summary>
    public int Version { get; private set; }

    /// <summary>Unserializes one object from <paramref name="data"/>; <paramref name="source"/> names it in errors.
    /// Trailing bytes are an error: a lazy-load chunk or an .rds holds exactly one object.</summary>
    public static RValue Read(byte[] data, string source)
    {
        var reader = new RUnserializer(new XdrReader(data, source));
        reader.Header();
        var value = reader.Item();
        if (!reader._in.AtEnd) throw reader._in.Error("trailing bytes after the serialized object");
        return value;
    }

    void Header()
    {
        var format = _in.Bytes(2);
        if (format[0] != (byte)'X' || format[1] != (byte)'\n')
            throw _in.Error(format[0] is (byte)'A' or (byte)'B'
                ? $"serialization format '{(char)format[0]}' (ascii or native binary) is not supported, only XDR ('X')"
                : "not an R serialization (expected \"X\\n\")", 0);
        Version = _in.Int32();
        _ = _in.Int32(); // the R version that wrote it
        _ = _in.Int32(); // the oldest R version that can read it
        if (Version == 3)
        {
            var name = Encoding.ASCII.GetString(_in.Bytes(_in.Int32()));
            _native = name.ToUpperInvariant() switch
            {
                "UTF-8" or "UTF8" => StrictUtf8,
                "LATIN1" or "ISO-8859-1" or "ISO8859-1" => Encoding.Latin1,
                _ => throw _in.Error($"native encoding '{name}' is not supported (UTF-8 and latin1 are)"),
            };
        }
        else if (Version != 2) throw _in.Error($"serialization format version {Version} is not supported (2 and 3 are)", 2);
    }

    RValue Item()
    {
        int at = _in.Offset;
        var flags = new RFlags(_in.Int32());
        switch (flags.Type)
        {
            case RSexpType.NilValueSxp: return RNull.Instance;
            case RSexpType.EmptyEnvSxp: return new REnvironment("empty");
            case RSexpType.BaseEnvSxp: return new REnvironment("base");
            case RSexpType.GlobalEnvSxp: return new REnvironment("global");
            case RSexpType.BaseNamespaceSxp: return new REnvironment("base namespace");
            case RSexpType.UnboundValueSxp: return new RMarker("unbound");
            case RSexpType.MissingArgSxp: return new RMarker("missing argument");
            case RSexpType.RefSxp:
                int index = flags.PackedRefIndex == 0 ? _in.Int32() : flags.PackedRefIndex;
                return index >= 1 && index <= _refs.Count ? _refs[index - 1]
                    : throw _in.Error($"back-reference {index} to one of {_refs.Count} objects read so far", at);
            case RSexpType.PackageSxp or RSexpType.NamespaceSxp:
                var env = new REnvironment(flags.Type == RSexpType.PackageSxp ? "package" : "namespace", StringVector("name"));
                _refs.Add(env);
                return env;
            case RSexpType.SymSxp:
                var symbol = new RSymbol(Item() is RStrings { Values: [{ } name] } ? name : throw _in.Error("a symbol's name is not a string", at));
                _refs.Add(symbol);
                return symbol;
            case RSexpType.EnvSxp: return Environment();
            case RSexpType.ListSxp: return PairList(flags);
            case RSexpType.CharSxp: return new RStrings([CharSxp(flags, at)]); // only as a symbol's name
        }
        RValue value = flags.Type switch
        {
            RSexpType.StrSxp => Strings(),
            RSexpType.IntSxp => new RIntegers(Ints()),
            RSexpType.LglSxp => new RLogicals(Ints()),
            RSexpType.RealSxp => new RDoubles(Doubles()),
            RSexpType.RawSxp => new RRaw(_in.Bytes(_in.Length()).ToArray()),
            RSexpType.VecSxp or RSexpType.ExprSxp => new RList([.. Enumerable.Range(0, _in.Length()).Select(_ => Item())]),
            _ => throw _in.Error($"unsupported R object type {RFlags.Describe(flags.Value & 0xFF)}", at),
        };
        if (flags.HasAttributes) value.Attributes = Attributes(at);
        return value;
    }

    /// <summary>ENVSXP: locked flag, enclosure, frame, hash table, attributes. Registered before its contents are read,
    /// since they can refer back to it.</summary>
    RValue Environment()
    {
        var env = new REnvironment("serialized");
        _refs.Add(env);
        env.Locked = _in.Int32() != 0;
        env.Enclosure = Item();
        env.Frame = Item();
        env.HashTable = Item();
        if (Item() is RPairList attributes) env.Attributes = Named(attributes, _in.Offset);
        return env;
    }

    /// <summary>LISTSXP cells, each: attributes (if flagged), tag (if flagged), CAR, then the CDR — read as a loop over
    /// the CDR chain so a long frame cannot overflow the stack.</summary>
    RPairList PairList(RFlags flags)
    {
        var elements = new List<KeyValuePair<string?, RValue>>();
        IReadOnlyList<KeyValuePair<string, RValue>> attributes = [];
        while (true)
        {
            int at = _in.Offset;
            if (flags.HasAttributes && elements.Count == 0) attributes = Attributes(at);
            else if (flags.HasAttributes) _ = Attributes(at); // attributes of inner cells: R drops them too
            string? tag = flags.HasTag ? Item() is RSymbol s ? s.Name : throw _in.Error("a pairlist tag is not a symbol", at) : null;
            elements.Add(new(tag, Item()));
            at = _in.Offset;
            flags = new RFlags(_in.Int32());
            if (flags.Type == RSexpType.NilValueSxp) break;
            if (flags.Type != RSexpType.ListSxp) throw _in.Error($"a pairlist ends in {RFlags.Describe(flags.Value & 0xFF)}, not NULL", at);
        }
        return new RPairList(elements) { Attributes = attributes };
    }

    IReadOnlyList<KeyValuePair<string, RValue>> Attributes(int at) =>
        Item() is RPairList list ? Named(list, at) : throw _in.Error("attributes are not a pairlist", at);

    IReadOnlyList<KeyValuePair<string, RValue>> Named(RPairList list, int at) =>
        [.. list.Elements.Select(e => e.Key is { } name ? new KeyValuePair<string, RValue>(name, e.Value) : throw _in.Error("an attribute has no name", at))];

    RStrings Strings()
    {
        var values = new string?[_in.Length()];
        for (int i = 0; i < values.Length; i++)
        {
            int at = _in.Offset;
            var flags = new RFlags(_in.Int32());
            if (flags.Type != RSexpType.CharSxp) throw _in.Error($"a character vector holds {RFlags.Describe(flags.Value & 0xFF)}, not CHARSXP", at);
            values[i] = CharSxp(flags, at);
        }
        return new RStrings(values);
    }

    /// <summary>A CHARSXP after its flags: length -1 is NA; the bytes are decoded by the encoding its levels declare
    /// (UTF-8, latin1, ASCII, or else the stream's native encoding). Bytes-encoded strings are refused.</summary>
    string? CharSxp(RFlags flags, int at)
    {
        int length = _in.Int32();
        if (length == -1) return null;
        if (length < 0) throw _in.Error($"string of negative length {length}", at);
        var bytes = _in.Bytes(length);
        if ((flags.Levels & Bytes) != 0) throw _in.Error("a string marked as bytes (no encoding) is not supported", at);
        var encoding = (flags.Levels & (Utf8 | Ascii)) != 0 ? StrictUtf8 : (flags.Levels & Latin1) != 0 ? Encoding.Latin1 : _native;
        try { return encoding.GetString(bytes); }
        catch (DecoderFallbackException) { throw _in.Error($"a string is not valid {encoding.WebName}", at); }
    }

    /// <summary>PACKAGESXP/NAMESPACESXP info: a 0 then a length-prefixed run of CHARSXPs.</summary>
    IReadOnlyList<string?> StringVector(string what)
    {
        int at = _in.Offset;
        if (_in.Int32() != 0) throw _in.Error($"a {what} string vector does not start with 0", at);
        return Strings().Values;
    }

    int[] Ints()
    {
        var values = new int[_in.Length()];
        for (int i = 0; i < values.Length; i++) values[i] = _in.Int32();
        return values;
    }

    double[] Doubles()
    {
        var values = new double[_in.Length()];
        for (int i = 0; i < values.Length; i++) values[i] = _in.Double();
        return values;
    }
}
