namespace WeakToStrong.Build.Host;

/// <summary>
/// The host's exit codes, NUKE's: 0 on success, -1 on any failure (a failed target, an unknown target or parameter,
/// a missing requirement). NUKE returns <c>build.ExitCode ??= build.IsSucceeding ? 0 : ErrorExitCode</c> with
/// <c>private const int ErrorExitCode = -1</c>, also from its catch-all for target-unrelated exceptions
/// (nuke-build/nuke, source/Nuke.Build/Execution/BuildManager.cs; the ExitCode doc comment in
/// source/Nuke.Build/NukeBuild.cs says the same). `--help` and `--plan` exit 0 (HandleHelpRequestsAttribute.cs calls
/// Environment.Exit(0)). A process sees -1 as 255 on Linux and macOS.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = -1;
}
