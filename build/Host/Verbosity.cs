namespace WeakToStrong.Build.Host;

/// <summary>NUKE's verbosity levels; `verbose` shows a failing target's full stack trace.</summary>
public enum Verbosity
{
    Quiet,
    Minimal,
    Normal,
    Verbose,
}
