using System.CommandLine;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Auditing;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s audit --run &lt;key|prefix|path&gt; [--json] [--rerun | --repair]`: exit 0 only when the run is clean.</summary>
static class AuditCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run", "-r") { Description = "Run key, unique key prefix, or path of a run record.", Required = true };
        var rerun = new Option<bool>("--rerun") { Description = "Re-execute the run from its record in a fresh store and compare gated metrics." };
        var repair = new Option<bool>("--repair") { Description = "Re-run exactly the stages whose outputs are damaged or missing (damaged objects go to the store's quarantine/), then audit again." };
        var threads = new Option<int?>("--threads") { Description = "Threads for --rerun (default: the record's, so bits can match).", CustomParser = CommonOptions.WholeNumber };
        var store = new Option<string?>("--store") { Description = "Content store root (default: the store recorded with the run, else ~/.cache/weak-to-strong or W2S_STORE)." };
        var experiments = CommonOptions.ExperimentsDir();
        var runs = CommonOptions.RunsDir();
        var json = CommonOptions.Json();
        var command = new Command("audit", "Re-hash a run's artifacts and compare it with its record and today's manifest; exit 0 only when clean.")
        {
            run, rerun, repair, threads, store, experiments, runs, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            bool asJson = parse.GetValue(json);
            var request = new AuditRequest
            {
                Run = parse.GetValue(run)!,
                RunsDirectory = parse.GetValue(runs)!,
                ExperimentsDirectory = parse.GetValue(experiments)!,
                StoreRoot = parse.GetValue(store),
                Rerun = parse.GetValue(rerun),
                Threads = parse.GetValue(threads),
                CommandLine = CommonOptions.CommandLine(),
            };
            // Progress of a --rerun or --repair goes to stderr, so that --json output stays one JSON document.
            if (parse.GetValue(repair))
            {
                var repaired = await AuditVerb.RepairAsync(request, new TextProgress(Console.Error), ct);
                Console.Out.Write(asJson ? JsonRenderer.Repair(repaired) : TextRenderer.Repair(repaired));
                return repaired.Clean ? 0 : 1;
            }
            var report = await AuditVerb.RunAsync(request, new TextProgress(Console.Error), ct);
            Console.Out.Write(asJson ? JsonRenderer.Audit(report) : TextRenderer.Audit(report));
            return report.Clean ? 0 : 1;
        });
        return command;
    }
}
