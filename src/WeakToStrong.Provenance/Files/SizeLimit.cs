namespace WeakToStrong.Provenance.Files;

/// <summary>
/// How large a file of one kind the tool reads, with the variable that raises it. Documents (manifests, run records,
/// gate snapshots) are small JSON; a path source is a user's data set, limited so that a mistaken path cannot copy
/// an arbitrarily large file into the store.
/// </summary>
public sealed record SizeLimit(string What, long DefaultBytes, string Variable)
{
    public static SizeLimit Document { get; } = new("a manifest, run record or snapshot", 64L << 20, "W2S_MAX_DOCUMENT_BYTES");
    public static SizeLimit Source { get; } = new("a path source", 8L << 30, "W2S_MAX_SOURCE_BYTES");

    /// <summary>The limit in force: <see cref="Variable"/> when it holds a positive whole number of bytes, else the default.</summary>
    public long Bytes => long.TryParse(Environment.GetEnvironmentVariable(Variable), out long set) && set > 0 ? set : DefaultBytes;

    public UserFileException? Check(string display, long size) => size <= Bytes ? null
        : new UserFileException(display, $"{display} is {size:N0} bytes, over the {Bytes:N0}-byte limit for {What}; refused (set {Variable} to raise it)");
}
