namespace WeakToStrong.Data.Formats.RData;

/// <summary>
/// An R data file this reader cannot read, in one line that names the file (and the variable, for a lazy-load
/// database) and the byte offset: which stream and where, so a newer package or an unsupported object is
/// diagnosed from the message alone.
/// </summary>
public sealed class RDataException(string message, Exception? inner = null) : Exception(message, inner);
