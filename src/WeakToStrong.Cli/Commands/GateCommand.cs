using System.CommandLine;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Application.Gate;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s gate [--accept | --derive | --sabotage] [--experiments a,b]`: the PR gate over the result snapshots (docs/gate.md).</summary>
static class GateCommand
{
    public static Command Create()
    {
        var chosen = CommonOptions.Experiments("Only these experiments (a,b or a b; default: every manifest with a `gate` scale).");
        var accept = new Option<bool>("--accept") { Description = "Rewrite the snapshots from this run, printing old against new, instead of checking them." };
        var derive = new Option<bool>("--derive") { Description = "Derive the tolerances: run the gate scale on its seeds, then on --groups disjoint seed groups (each row's tolerance from their spread), then on --checks more held to the first (the false alarms); write each manifest's `gate` section and print docs/gate.md's tables." };
        var groups = new Option<int>("--groups") { Description = "Seed groups whose spread sets a derivation's tolerances.", DefaultValueFactory = _ => GateDeriveVerb.DefaultGroups };
        var checks = new Option<int?>("--checks") { Description = "Further seed groups a derivation holds to the first under those tolerances, counting false alarms (default: as many as --groups)." };
        var sabotage = new Option<bool>("--sabotage") { Description = $"Flip {GateVerb.SabotageFlip:P0} of every weak label first; the gate must then fail, naming what moved." };
        var flip = new Option<double?>("--flip") { Description = "Flip this fraction of every weak label first (in place of --sabotage's): how small a regression the gate detects." };
        var device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => "cpu" };
        var threads = CommonOptions.Threads();
        var store = CommonOptions.Store();
        var experiments = CommonOptions.ExperimentsDir();
        var runs = CommonOptions.RunsDir();
        var json = CommonOptions.Json();
        var command = new Command("gate",
            "Run every gated experiment at its gate scale and hold its metrics to experiments/__snapshots__ within the manifest's tolerances; exits 1 when anything moved.")
        {
            chosen, accept, derive, groups, checks, sabotage, flip, device, threads, store, experiments, runs, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            bool asJson = parse.GetValue(json);
            var request = new GateRequest
            {
                Template = new ReproduceRequest
                {
                    Experiment = "",
                    ExperimentsDirectory = parse.GetValue(experiments)!,
                    RunsDirectory = parse.GetValue(runs)!,
                    Device = parse.GetValue(device)!,
                    StoreRoot = parse.GetValue(store),
                    Threads = parse.GetValue(threads),
                    CommandLine = CommonOptions.CommandLine(),
                },
                Experiments = parse.GetValue(chosen) ?? [],
                Accept = parse.GetValue(accept),
                Sabotage = parse.GetValue(sabotage),
                Flip = parse.GetValue(flip),
            };
            var progress = new TextProgress(asJson ? Console.Error : Console.Out);
            if (parse.GetValue(derive))
            {
                var derivations = await GateDeriveVerb.RunAsync(request, parse.GetValue(groups), parse.GetValue(checks) ?? parse.GetValue(groups), progress, ct);
                Console.Out.Write(GateText.Derivations(derivations));
                return 0;
            }
            var result = await GateVerb.RunAsync(request, progress, ct);
            Console.Out.Write(asJson ? GateText.Json(result) : GateText.Render(result));
            return result.Passed ? 0 : 1;
        });
        return command;
    }
}
