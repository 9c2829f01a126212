using TorchSharp;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Training.Bench;

/// <summary>`Bench`: training throughput of the in-pipeline GPT-2 sizes against this machine's measured matmul peak (docs/architecture.md §9).</summary>
partial class Build
{
    Target Bench => _ => _
        .Description("Measures training tokens/s for width-256 and width-512 GPT-2s at context 128, fp32 and bf16, as a fraction of the measured matmul peak (FLOPs = 6 x non-embedding parameters x tokens).")
        .Executes(() =>
        {
            // Pinned like a run: a different thread count is a different machine for these figures.
            torch.set_num_threads(Threads ?? System.Environment.ProcessorCount);
            ThroughputBench.RunDefault(Console.Out);
        });
}
