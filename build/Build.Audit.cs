using WeakToStrong.Build.Experiments;
using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Auditing;
using WeakToStrong.Runner.Experiments;

/// <summary>`Audit`: re-hashes a run's artifacts and compares the run with its record and today's manifest (docs/architecture.md §6).</summary>
partial class Build
{
    [Parameter("Audit, Report: the run, as a run key, a unique key prefix, or the path of a run record.")]
    readonly string? Run;

    [Parameter("Audit: re-execute the run from its record in a fresh store and compare the gated metrics.")]
    readonly bool Rerun;

    [Parameter("Audit: re-run exactly the stages whose outputs are damaged or missing (damaged objects go to the store's quarantine/), then audit again.")]
    readonly bool Repair;

    AbsolutePath RunsDirectory => new(Workspace.Locate(RootDirectory).RunsDirectory);

    Target Audit => _ => _
        .Description("Re-hashes every artifact of a run (--run <key|path>) and compares it with its record and today's manifest; fails unless clean. --repair recomputes what is damaged.")
        .Requires(() => Run)
        .Executes(async () =>
        {
            var request = new AuditRequest
            {
                Run = Run!,
                RunsDirectory = RunsDirectory,
                ExperimentsDirectory = ExperimentsDirectory,
                StoreRoot = string.IsNullOrEmpty(Store) ? null : Path.GetFullPath(Store, RootDirectory),
                Rerun = Rerun,
                Threads = Threads,
                CommandLine = "./build.sh " + string.Join(' ', Arguments),
            };
            var progress = Json ? HostProgress.ToErrors(Output) : HostProgress.For(Output);
            if (Repair)
            {
                var repair = await AuditVerb.RepairAsync(request, progress);
                Output.Write(Json ? JsonRenderer.Repair(repair) : TextRenderer.Repair(repair));
                if (!repair.Clean) throw new HostException($"run {repair.RunKey} is not clean after the repair (see the report above).");
                return;
            }
            var report = await AuditVerb.RunAsync(request, progress);
            Output.Write(Json ? JsonRenderer.Audit(report) : TextRenderer.Audit(report));
            if (!report.Clean)
                throw new HostException($"run {report.RunKey} is not clean (see the report above).");
        });
}
