using WeakToStrong.Build.Host.Definition;

/// <summary>`Report --index`: runs/index.html rewritten from every record (as `w2s report --index`).</summary>
partial class Build
{
    [Parameter("Report: also (or only, without --run) rewrite runs/index.html: every run's table row, figures and report link.")]
    readonly bool Index;
}
