using System.CommandLine;

namespace WeakToStrong.Cli.Commands;

/// <summary>
/// A command line the parser refused: one line per problem on stderr, exit code 1. System.CommandLine's own handler
/// adds a blank line, and for an unknown verb also "Required command was not provided.", which only restates that the
/// word was not recognised; an unrecognised word is the line to fix first, so it alone is printed when there is one.
/// </summary>
static class ParseErrors
{
    public static int Print(ParseResult parsed)
    {
        var lines = parsed.UnmatchedTokens.Count > 0
            ? parsed.UnmatchedTokens.Select(t => $"Unrecognized command or argument '{t}'; see w2s --help.")
            : parsed.Errors.Select(e => e.Message.ReplaceLineEndings(" "));
        foreach (var line in lines.Distinct()) Console.Error.WriteLine(line);
        return 1;
    }
}
