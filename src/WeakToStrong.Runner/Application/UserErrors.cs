using WeakToStrong.Provenance.Files;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Execution;

namespace WeakToStrong.Runner.Application;

/// <summary>
/// The one rule both front-ends apply to what a verb throws (docs/architecture.md §7 "Errors and exit codes"): a user
/// error is shown as the lines it was written as; anything else is a bug, and shows its type (and its trace where asked).
/// `w2s` prints <see cref="ToolLines"/> on stderr and exits 1; `./build.sh` prints <see cref="Lines"/> as the target's
/// failure and exits NUKE's −1.
/// </summary>
public static class UserErrors
{
    /// <summary>The problem lines of a user error, or null when <paramref name="e"/> is not one (a bug).</summary>
    /// <remarks>
    /// - <see cref="UserError"/>: what a verb refuses, one line per problem (a manifest's located errors), as written.
    /// - <see cref="StageFailedException"/>: which stage failed and why (its cause's trace is for W2S_VERBOSE=1).
    /// - A file or store the user named that cannot be used, a damaged record or snapshot (every InvalidDataException
    ///   message starts with its file), a run key that names no run or several: the message as one line.
    /// </remarks>
    public static IReadOnlyList<string>? Lines(Exception e) => e switch
    {
        UserError x => x.Lines,
        StageFailedException or UserFileException or StoreUnusableException or InvalidDataException or FileNotFoundException
            or DirectoryNotFoundException or AmbiguousRunException => [OneLine(e.Message)],
        _ => null,
    };

    /// <summary>
    /// What `w2s` prints for a user error: a <see cref="UserError"/>'s lines as they are (a located line carries its own
    /// "error"), any other's message after "error: "; null for a bug.
    /// </summary>
    public static IReadOnlyList<string>? ToolLines(Exception e) => e is UserError x ? x.Lines
        : Lines(e) is [var line] ? [$"error: {line}"] : null;

    /// <summary>A message's own line breaks (a tool's output quoted in it) would split one problem over lines.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
