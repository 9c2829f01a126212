using System.CommandLine;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Application.Gc;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s gc [--store] [--runs-dir] [--dry-run] [--json]`: removes what no record names, through the shared verb.</summary>
static class GcCommand
{
    public static Command Create()
    {
        var runs = CommonOptions.RunsDir();
        var store = CommonOptions.Store();
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would be removed; remove nothing." };
        var json = CommonOptions.Json();
        var command = new Command("gc", "Remove the store objects and stage entries that no run record under --runs-dir names, and print the bytes freed.")
        {
            runs, store, dryRun, json,
        };
        command.SetAction(parse =>
        {
            var result = GcVerb.Run(parse.GetValue(store), parse.GetValue(runs)!, parse.GetValue(dryRun));
            Console.Out.Write(parse.GetValue(json) ? GcText.Json(result) : GcText.Text(result));
            return 0;
        });
        return command;
    }
}
