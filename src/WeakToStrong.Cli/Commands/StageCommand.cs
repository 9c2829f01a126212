using System.CommandLine;
using System.Globalization;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Executors;
using WeakToStrong.Runner.Executors.Slurm;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s stage run --plan &lt;file&gt; --stage &lt;id&gt;`: one stage of a plan file, what a Slurm job runs (docs/cluster.md).</summary>
static class StageCommand
{
    public static Command Create()
    {
        var plan = new Option<string>("--plan") { Description = "Plan file (written by reproduce --executor slurm under <store>/slurm/plans/).", Required = true };
        var stage = new Option<string>("--stage") { Description = "Stage id in that plan, e.g. weak/weak/s0.", Required = true };
        var store = CommonOptions.Store();
        var threads = CommonOptions.Threads();
        var device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => "cpu" };
        var execution = new Option<string?>("--execution-out") { Description = "Write how the stage ran (cached, seconds, summary, throughput) as JSON to this file (what --jobs reads back)." };
        var run = new Command("run", "Run one stage of a plan file into the store (its inputs must be there already).") { plan, stage, store, threads, device, execution };
        run.SetAction(async (parse, ct) =>
        {
            var request = new StageRunRequest(parse.GetValue(plan)!, parse.GetValue(stage)!, parse.GetValue(store), parse.GetValue(threads), parse.GetValue(device)!,
                parse.GetValue(execution));
            var done = await StageRunVerb.RunAsync(request, new TextProgress(Console.Out), ct);
            Console.Out.Write(TextRenderer.StageRun(done));
            return 0;
        });
        return new Command("stage", "Work on single stages of a compiled plan (what cluster jobs run).") { run };
    }

    /// <summary>The argv a Slurm job or a `--jobs` child runs for one stage: this very tool's `stage run`.</summary>
    public static IReadOnlyList<string> JobCommand(StageJob job) =>
    [
        .. SelfInvocation.Current(), "stage", "run", "--plan", job.PlanFile, "--stage", job.StageId,
        "--store", job.StoreRoot, "--threads", job.Threads.ToString(CultureInfo.InvariantCulture), "--device", job.Device,
        .. job.ExecutionFile is { } file ? new[] { "--execution-out", file } : [],
    ];
}
