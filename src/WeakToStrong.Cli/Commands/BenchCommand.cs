using System.CommandLine;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s bench [--experiments a,b] [--bench-steps N] [--json]`: the loops a run's hours go to, against the measured matmul peak (docs/speed.md).</summary>
static class BenchCommand
{
    public static Command Create()
    {
        var chosen = CommonOptions.Experiments("Bench these experiments' stages (a,b or a b; default: every manifest).");
        // --bench-steps, as the build host names it (its parameters are global, so the name says whose steps);
        // --steps, this verb's first spelling, still works and is hidden from the help.
        var steps = new Option<int?>("--bench-steps") { Description = "Timed optimiser steps per training loop, after one untimed step (default 6).", CustomParser = CommonOptions.WholeNumber };
        var oldSteps = new Option<int?>("--steps") { Hidden = true, CustomParser = CommonOptions.WholeNumber };
        var threads = CommonOptions.Threads("Torch threads (default: all cores).");
        var store = CommonOptions.Store("Content store root for the data stages (default: ~/.cache/weak-to-strong or W2S_STORE).");
        var experiments = CommonOptions.ExperimentsDir();
        var json = CommonOptions.Json();
        var command = new Command("bench",
            "Measure tokens/s of MiniLM fine-tuning, GPT-2 pretraining and the predict pass with each experiment's stage settings and real token lengths, as a fraction of the matmul peak measured beside each.")
        {
            chosen, steps, oldSteps, threads, store, experiments, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            bool asJson = parse.GetValue(json);
            var request = new BenchRequest
            {
                ExperimentsDirectory = parse.GetValue(experiments)!,
                Experiments = parse.GetValue(chosen) ?? [],
                Steps = parse.GetValue(steps) ?? parse.GetValue(oldSteps) ?? 6,
                Threads = parse.GetValue(threads),
                StoreRoot = parse.GetValue(store),
            };
            // Rows as they are measured (the whole bench takes minutes); --json prints them once, at the end.
            var rows = asJson ? null : BenchText.Streaming(Console.Out.Write, request.Threads ?? Environment.ProcessorCount);
            var result = await BenchVerb.RunAsync(request, new TextProgress(Console.Error), rows, ct);
            if (asJson) Console.Out.Write(BenchText.Json(result));
            return 0;
        });
        return command;
    }
}
