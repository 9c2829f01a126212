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
}
