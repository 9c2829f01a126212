using System.Reflection;
using WeakToStrong.Provenance.Files;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Build.Host.Execution;

/// <summary>An exception as the one line a user reads (its innermost meaningful message), or its full text when verbose.</summary>
public static class FailureText
{
    public static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    continue;
                case AggregateException aggregate when aggregate.InnerExceptions.Count == 1:
                    exception = aggregate.InnerExceptions[0];
                    continue;
                default:
                    return exception;
            }
        }
    }

    /// <summary>
    /// The lines a user reads: one per problem of a user error that holds several (a manifest's located errors, as
    /// `w2s` prints them), else the exception as one line.
    /// </summary>
    public static IReadOnlyList<string> Lines(Exception exception) => Unwrap(exception) switch
    {
        HostException { Lines.Count: > 1 } e => e.Lines.Select(Joined).ToList(),
        ExperimentException { Lines.Count: > 1 } e => e.Lines.Select(Joined).ToList(),
        _ => [OneLine(exception)],
    };

    public static string OneLine(Exception exception)
    {
        var inner = Unwrap(exception);
        var message = Joined(inner.Message);
        // These are written for the user (and w2s prints them as they are); any other type names itself, since
        // "Sequence contains no elements" alone says little.
        return inner is HostException or ExperimentException or UserFileException or StoreUnusableException ? message : $"{inner.GetType().Name}: {message}";
    }

    /// <summary>A message's own line breaks (a tool's output quoted in it) would split one problem over lines.</summary>
    static string Joined(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
