using System.CommandLine;
using WeakToStrong.Cli;
using WeakToStrong.Cli.Commands;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Executors;

// This VM's first touch of fresh memory is slow; glibc must keep freed memory instead (docs/architecture.md §9).
// The settings only work from process start, so the tool re-executes itself once with them.
if (ParentDeath.DieWithParent() is { } orphaned) return orphaned;
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
using var signals = new TerminationSignals();
try
{
    // Exceptions reach here rather than System.CommandLine's handler, which prints a stack trace. On SIGINT/SIGTERM a
    // run is cancelled and given 1 s to stop before the process exits (TerminationSignals).
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
        ProcessTerminationTimeout = null, // ours: TerminationSignals
    }, signals.Token);
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
    // A bug: its full trace, exit 1. A run stopped by a signal: nothing, 128 + the signal (as if it had killed us).
    if (e is OperationCanceledException) return signals.Received is { } signal ? 128 + signal : 1;
    Console.Error.WriteLine("Unhandled exception: " + e);
    return 1;
}
