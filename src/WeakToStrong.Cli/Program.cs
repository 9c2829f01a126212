using System.CommandLine;
using WeakToStrong.Cli;
using WeakToStrong.Cli.Commands;

// This VM's first touch of fresh memory is slow; glibc must keep freed memory instead (docs/architecture.md §9).
// The settings only work from process start, so the tool re-executes itself once with them.
if (MallocSettings.ReexecIfNeeded(args) is { } exitCode) return exitCode;

var root = new RootCommand("w2s — reproducible, hash-audited weak-to-strong generalization experiments.")
{
    ReproduceCommand.Create(),
    PlanCommand.Create(),
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
return await root.Parse(args).InvokeAsync();
