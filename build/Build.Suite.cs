using WeakToStrong.Build.Experiments;
using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Runner.Application;

/// <summary>`Suite`: every bundled experiment in turn through the reproduce verb (each resumes from the store), then `Results`.</summary>
partial class Build
{
    [Parameter("Suite, Gate, Bench: only these experiments, in this order (--experiments a,b); none means every manifest in experiments/ (Gate: every one with a `gate` scale).")]
    readonly string[] Experiments = [];

    Target Suite => _ => _
        .Description("Reproduces every bundled experiment in turn (--experiments a,b chooses; each resumes from the content store), then writes docs/results.md; fails if any experiment failed.")
        .Executes(async () =>
        {
            var request = new SuiteRequest
            {
                Template = ReproduceRequests.Create(RootDirectory, "", Scale, Device, Seeds, Set, Store, Threads, Arguments) with { Processes = ProcessExecutorOptions() },
                Experiments = Experiments,
                ResultsPath = ResultsPath,
            };
            var progress = Json ? HostProgress.ToErrors(Output) : HostProgress.For(Output);
            var result = await SuiteVerb.RunAsync(request, progress);
            Output.Write(Json ? JsonRenderer.Suite(result) : TextRenderer.Suite(result));
            if (!result.Succeeded)
                throw new HostException($"{result.Steps.Count(s => !s.Succeeded)} of {result.Steps.Count} experiments failed: " +
                                        string.Join(", ", result.Steps.Where(s => !s.Succeeded).Select(s => s.Experiment)) + " (see above).");
        });
}
