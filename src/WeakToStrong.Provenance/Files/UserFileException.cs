namespace WeakToStrong.Provenance.Files;

/// <summary>A file a user named that the tool refuses to read (not a regular file, or too large); the message is one line naming it.</summary>
public sealed class UserFileException(string path, string message) : IOException(message)
{
    public string Path { get; } = path;
}
