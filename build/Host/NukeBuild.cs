using System.Linq.Expressions;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Build.Host.Output;

namespace WeakToStrong.Build.Host;

/// <summary>
/// The base of a build class, shaped like Nuke.Common's (Nuke.Common itself is not served here, docs/architecture.md §7):
/// <c>class Build : NukeBuild { public static int Main() => Execute&lt;Build&gt;(x => x.Compile); … }</c>.
/// </summary>
public abstract class NukeBuild
{
    /// <summary>The repository root: the folder holding `.nuke/`.</summary>
    public AbsolutePath RootDirectory { get; internal set; }

    public Verbosity Verbosity { get; internal set; } = Verbosity.Normal;

    /// <summary>Where targets write; plain text on CI and in redirected output.</summary>
    public HostOutput Output { get; internal set; } = null!;

    /// <summary>The command line as given, for run records.</summary>
    public IReadOnlyList<string> Arguments { get; internal set; } = [];

    /// <summary>True on a CI server (CI=true, as GitHub Actions, GitLab and most others set it).</summary>
    public static bool IsServerBuild =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci == "1" || ci.Equals("true", StringComparison.OrdinalIgnoreCase));

    public static bool IsLocalBuild => !IsServerBuild;

    /// <summary>Parses the process's command line, binds parameters, runs the requested (or default) targets; returns the exit code.</summary>
    protected static int Execute<T>(params Expression<Func<T, Target>>[] defaultTargets) where T : NukeBuild, new() =>
        BuildHost.Run<T>(Environment.GetCommandLineArgs().Skip(1).ToList(), defaultTargets.Select(TargetName).ToList(), HostContext.FromProcess);

    static string TargetName<T>(Expression<Func<T, Target>> expression) =>
        expression.Body is MemberExpression member
            ? member.Member.Name
            : throw new ArgumentException($"A default target must be a property access like x => x.Compile, not {expression}.");
}
