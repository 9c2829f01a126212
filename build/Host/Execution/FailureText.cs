using System.Reflection;
using WeakToStrong.Runner.Application;

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
    /// The lines a user reads: a user error's problem lines by the rule `w2s` applies too (Runner/Application/UserErrors.cs),
    /// one per problem where it holds several (a manifest's located errors); else the exception as one line.
    /// </summary>
    public static IReadOnlyList<string> Lines(Exception exception) => Unwrap(exception) switch
    {
        HostException { Lines.Count: > 1 } e => e.Lines.Select(Joined).ToList(),
        var e when UserErrors.Lines(e) is { } lines => lines.Select(Joined).ToList(),
        _ => [OneLine(exception)],
    };

    public static string OneLine(Exception exception)
    {
        var inner = Unwrap(exception);
        var message = Joined(inner.Message);
        // A user error is written for the user (w2s prints it as it is); any other type names itself, since
        // "Sequence contains no elements" alone says little.
        return inner is HostException || UserErrors.Lines(inner) is not null ? message : $"{inner.GetType().Name}: {message}";
    }

    /// <summary>A message's own line breaks (a tool's output quoted in it) would split one problem over lines.</summary>
    static string Joined(string message) => UserErrors.OneLine(message);
}
