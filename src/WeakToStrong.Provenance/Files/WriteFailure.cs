namespace WeakToStrong.Provenance.Files;

/// <summary>Why a write failed, in a few words and without the temp file's name .NET puts in its message.</summary>
public static class WriteFailure
{
    public const string NoSpace = "no space left on device";

    public static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        // errno as .NET reports it on Unix: EROFS, ENOSPC, EDQUOT.
        IOException { HResult: 30 } => "read-only file system",
        IOException { HResult: 28 or 122 } => NoSpace,
        _ => e.Message.ReplaceLineEndings(" "),
    };
}
