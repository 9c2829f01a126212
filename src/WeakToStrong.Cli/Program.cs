using System.CommandLine;
using WeakToStrong.Cli;
using WeakToStrong.Cli.Commands;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Execution;

// This VM's first touch of fresh memory is slow; glibc must keep freed memory instead (docs/architecture.md §9).
// The settings only work from process start, so the tool re-executes itself once with them.
if (ReexecChild.DieWithParent() is { } orphaned) return orphaned;
if (MallocSettings.ReexecIfNeeded(args) is { } exitCode) return exitCode;

var root = new RootCommand("w2s — reproducible, hash-audited weak-to-strong generalization experiments.")
{
    ReproduceCommand.Create(),
    PlanCommand.Create(),
    StatusCommand.Create(),
    GcCommand.Create(),
    RunsCommand.Create(),
    AuditCommand.Create(),
    ResultsCommand.Create(),
    ReportCommand.Create(),
    DiffCommand.Create(),
    SuiteCommand.Create(),
    GateCommand.Create(),
    BenchCommand.Create(),
    StageCommand.Create(),
};
try
{
    // Exceptions reach here rather than System.CommandLine's handler, which prints a stack trace. On SIGINT/SIGTERM a
    // run is cancelled and given 1 s (not the default 2) to stop before the process exits: `timeout`, a CI cancel or a
    // user's kill should find nothing of ours left within 2 s.
    // `w2s` alone: the help a newcomer needs, on stderr as for any refused command line, and exit 1 (as git does).
    if (args.Length == 0)
    {
        await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = Console.Error });
        return 1;
    }
    var parsed = root.Parse(args);
    if (parsed.Errors.Count > 0) return ParseErrors.Print(parsed);
    return await parsed.InvokeAsync(new InvocationConfiguration
    {
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = TimeSpan.FromSeconds(1),
    });
}
catch (Exception e) when (UserErrors.ToolLines(e) is { } lines)
{
    // Every verb's user errors, by the one rule both front-ends share (Runner/Application/UserErrors.cs): the lines as
    // written, exit 1. A failed stage's cause is for whoever debugs it.
    foreach (var line in lines) Console.Error.WriteLine(line);
    if (e is StageFailedException && System.Environment.GetEnvironmentVariable("W2S_VERBOSE") == "1") Console.Error.WriteLine(e.InnerException);
    return 1;
}
catch (Exception e)
{
    // A bug: its full trace (nothing for a cancellation), exit 1.
    if (e is not OperationCanceledException) Console.Error.WriteLine("Unhandled exception: " + e);
    return 1;
}
