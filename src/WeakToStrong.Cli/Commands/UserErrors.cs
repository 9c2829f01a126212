using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Cli.Commands;

/// <summary>A verb's user error: its lines on stderr as they are (the build host prints the same lines), exit code 1.</summary>
static class UserErrors
{
    public static int Print(ExperimentException e)
    {
        foreach (var line in e.Lines) Console.Error.WriteLine(line);
        return 1;
    }

    /// <summary>A stage that failed: its one line, and its cause's trace where W2S_VERBOSE=1; exit code 1.</summary>
    public static int Print(StageFailedException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        if (System.Environment.GetEnvironmentVariable("W2S_VERBOSE") == "1") Console.Error.WriteLine(e.InnerException);
        return 1;
    }
}
