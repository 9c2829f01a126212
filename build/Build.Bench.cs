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
            bool headed = false;
            var progress = HostProgress.ToErrors(Output);
            var result = await UserFacing(() => Located(() => BenchVerb.RunAsync(request, progress, row =>
            {
                if (Json) return;
                if (!headed) Output.Write(BenchText.Header(request.Threads ?? System.Environment.ProcessorCount));
                headed = true;
                Output.Write(BenchText.Row(row));
            })));
            if (Json) Output.Write(BenchText.Json(result));
        });
}
