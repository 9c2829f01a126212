using WeakToStrong.Build.Experiments;
using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Application.Gate;

/// <summary>`Gate`, `AcceptSnapshots`, `DeriveTolerances`: the PR gate over the result snapshots (docs/gate.md), through the same verb as `w2s gate`.</summary>
partial class Build
{
    [Parameter("Gate, Test: flip a fifth of every weak label first (a deliberate regression); the gate must then fail on every experiment, naming the rows that moved.")]
    readonly bool Sabotage;

    [Parameter("Gate: flip this fraction of every weak label first (in place of --sabotage's fifth): how small a regression the gate detects.")]
    readonly double? Flip;

    Target Gate => _ => _
        .Description("Runs every gated experiment at its gate scale and holds its metrics to experiments/__snapshots__ within the manifest's tolerances (--experiments a,b chooses; --sabotage must fail).")
        .Executes(async () => await RunGate(accept: false));

    Target AcceptSnapshots => _ => _
        .Description("Re-runs the gate experiments, prints old against new per metric, and rewrites experiments/__snapshots__ (refuses a run whose weak-ceiling gap is under 5 SE).")
        .Executes(async () => await RunGate(accept: true));

    Target DeriveTolerances => _ => _
        .Description("Runs each gated experiment at its gate scale on its seeds, on --groups disjoint seed groups whose spread sets each row's tolerance (written into the manifest's `gate` section), then on --checks more, counting their false alarms.")
        .Executes(async () =>
        {
            var progress = HostProgress.For(Output);
            var derivations = await GateDeriveVerb.RunAsync(GateRequest(accept: false), Groups, Checks ?? Groups, progress);
            Output.Write(GateText.Derivations(derivations));
        });

    GateRequest GateRequest(bool accept) => new()
    {
        Template = ReproduceRequests.Create(RootDirectory, "", null, Device, [], Set, Store, Threads, Arguments),
        Experiments = Experiments,
        Accept = accept,
        Sabotage = Sabotage,
        Flip = Flip,
    };

    async Task RunGate(bool accept)
    {
        var progress = Json ? HostProgress.ToErrors(Output) : HostProgress.For(Output);
        var result = await GateVerb.RunAsync(GateRequest(accept), progress);
        Output.Write(Json ? GateText.Json(result) : GateText.Render(result));
        if (!result.Passed)
            throw new HostException($"the gate failed for {result.Outcomes.Count(o => !o.Verdict.Passed && !o.Accepted) + result.Errors.Count} experiment(s) (see above).");
    }
}
