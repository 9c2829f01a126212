using WeakToStrong.Build.Experiments;
using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Runner.Application;

/// <summary>`Bench`: the loops a run's hours go to, against this machine's measured matmul peak (docs/speed.md), through the same verb as `w2s bench`.</summary>
partial class Build
{
    [Parameter("Bench: timed optimiser steps per training loop, after one untimed step (default 6).")]
    readonly int? BenchSteps;

    Target Bench => _ => _
        .Description("Measures tokens/s of MiniLM fine-tuning (each experiment's ceiling settings and train1 lengths), the predict pass, each plan's GPT-2 pretraining and a width-512 GPT-2 at context 128, each as a fraction of the matmul peak measured beside it (--experiments a,b chooses; --json).")
        .Executes(async () =>
        {
            var request = new BenchRequest
            {
                ExperimentsDirectory = ExperimentsDirectory,
                Experiments = Experiments,
                Steps = BenchSteps ?? 6,
                Threads = Threads,
                StoreRoot = Store,
            };
            var rows = Json ? null : BenchText.Streaming(Output.Write, request.Threads ?? System.Environment.ProcessorCount);
            var result = await BenchVerb.RunAsync(request, HostProgress.ToErrors(Output), rows);
            if (Json) Output.Write(BenchText.Json(result));
        });
}
