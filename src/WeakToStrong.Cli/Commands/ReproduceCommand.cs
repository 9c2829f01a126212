using System.CommandLine;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Cli.Commands;

static class ReproduceCommand
{
    public static Command Create()
    {
        var experiment = CommonOptions.Experiment();
        var scale = CommonOptions.Scale();
        var set = CommonOptions.Set();
        var seeds = new Option<int[]>("--seeds") { Description = "Run seeds (default: the manifest's).", AllowMultipleArgumentsPerToken = true };
        var device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => "cpu" };
        var threads = new Option<int?>("--threads") { Description = "Torch threads (pinned and recorded; default: all cores)." };
        var store = new Option<string?>("--store") { Description = "Content store root (default: ~/.cache/weak-to-strong or W2S_STORE)." };
        var experiments = CommonOptions.ExperimentsDir();
        var runs = CommonOptions.RunsDir();
        var command = new Command("reproduce", "Run an experiment end to end and write its run record.")
        {
            experiment, scale, set, seeds, device, threads, store, experiments, runs,
        };
        command.SetAction(async (parse, ct) =>
        {
            var request = new ReproduceRequest
            {
                Experiment = parse.GetValue(experiment)!,
                ExperimentsDirectory = parse.GetValue(experiments)!,
                RunsDirectory = parse.GetValue(runs)!,
                Scale = parse.GetValue(scale),
                Device = parse.GetValue(device)!,
                Seeds = parse.GetValue(seeds) ?? [],
                Sets = parse.GetValue(set) ?? [],
                StoreRoot = parse.GetValue(store),
                Threads = parse.GetValue(threads),
                CommandLine = "w2s " + string.Join(' ', System.Environment.GetCommandLineArgs().Skip(1)),
            };
            try
            {
                var result = await Reproduction.RunAsync(request, ct: ct);
                Console.WriteLine(PgrTableText.Render(result.Pgr));
                Console.WriteLine($"run {result.RunKey}");
                Console.WriteLine($"record {result.RecordPath}");
                return 0;
            }
            catch (ExperimentException e)
            {
                foreach (var line in e.Lines) Console.Error.WriteLine(line);
                return 1;
            }
            catch (StageFailedException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                if (System.Environment.GetEnvironmentVariable("W2S_VERBOSE") == "1") Console.Error.WriteLine(e.InnerException);
                return 1;
            }
        });
        return command;
    }
}
