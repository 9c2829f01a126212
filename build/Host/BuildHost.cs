using WeakToStrong.Build.Host.CommandLine;
using WeakToStrong.Build.Host.Execution;
using WeakToStrong.Build.Host.Output;
using WeakToStrong.Build.Host.Parameters;
using WeakToStrong.Build.Host.Planning;
using WeakToStrong.Build.Host.Text;

namespace WeakToStrong.Build.Host;

/// <summary>
/// One host run: parse the command line, bind parameters, resolve targets, then help, plan, or execute with a
/// summary table. Every user mistake ends as one line on stderr and NUKE's failure exit code (<see cref="ExitCodes"/>).
/// </summary>
public static class BuildHost
{
    /// <summary>
    /// NUKE's common options (nuke-build/nuke, source/Nuke.Build/NukeBuild.cs and NukeBuild.Interface.cs: Help, Plan,
    /// NoLogo, Root, Skip, Target, Verbosity), worded as NUKE's help words them where they do the same, plus this
    /// host's --write-schema (real NUKE writes the schema on every run). NUKE's --continue, --host, --profile and
    /// --partition have no counterpart here and stay unknown, so a script that relies on them fails loudly.
    /// </summary>
    public static readonly IReadOnlyList<HostOption> HostOptions =
    [
        new(new("help", OptionArity.Flag), "", "Shows the help text for this build assembly."),
        new(new("no-logo", OptionArity.Flag), "", "Disables displaying the NUKE logo (this host prints none)."),
        new(new("plan", OptionArity.Flag), "", "Prints the execution order of the requested targets, then exits without running them."),
        new(new("root", OptionArity.Single), "path", "Root directory during build execution (default: the nearest folder upwards holding .nuke/)."),
        new(new("skip", OptionArity.Many), "target", "List of targets to be skipped. Empty list skips all dependencies."),
        new(new("target", OptionArity.Many), "target", "List of targets to be invoked, as an alternative to naming them first."),
        new(new("verbosity", OptionArity.Single), "quiet|minimal|normal|verbose", "Logging verbosity during build execution (or NUKE_VERBOSITY). Default is 'Normal'; 'Quiet' prints only errors, each target's result and the last line; 'Minimal' leaves out progress; 'Verbose' shows a failing target's stack trace."),
        new(new("write-schema", OptionArity.Flag), "", $"Rewrites {BuildSchema.RelativePath} from the targets and [Parameter] members, then exits."),
    ];

    public static int Run<T>(IReadOnlyList<string> args, IReadOnlyList<string> defaultTargets, Func<HostContext> contextFactory) where T : NukeBuild, new()
    {
        HostOutput? output = null;
        try
        {
            var context = contextFactory();
            output = context.Output;
            return Run<T>(args, defaultTargets, context);
        }
        catch (HostException e)
        {
            foreach (var line in e.Lines)
            {
                if (output is null)
                    Console.Error.WriteLine(line);
                else
                    output.Error(line);
            }
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            // A bug in a build class (not a user's mistake): its whole text, and still NUKE's failure code, as NUKE's
            // own catch-all returns ErrorExitCode for a target-unrelated exception.
            if (output is null)
                Console.Error.WriteLine(e);
            else
                output.Error(e.ToString());
            return ExitCodes.Failure;
        }
    }

    static int Run<T>(IReadOnlyList<string> args, IReadOnlyList<string> defaultTargets, HostContext context) where T : NukeBuild, new()
    {
        var parameters = ParameterDescriptor.For(typeof(T));
        var collision = parameters.FirstOrDefault(p => HostOptions.Any(o => NameStyle.Normalize(o.Shape.Name) == NameStyle.Normalize(p.Name)));
        if (collision is not null)
            throw new InvalidOperationException($"Parameter {collision.Name} hides the host option --{collision.Kebab}.");

        var commandLine = CommandLineParser.Parse(args, HostOptions.Select(o => o.Shape).Concat(parameters.Select(p => p.Shape)).ToList());
        if (commandLine.Single("root") is { } root)
            context = context.WithRoot(root);
        var targetNames = TargetDiscovery.Names(typeof(T));
        var invoked = commandLine.Targets.Concat(commandLine.Many("target")).Select(n => Canonical(n, targetNames)).ToList();
        var skip = commandLine.Has("skip") ? commandLine.Many("skip").Select(n => Canonical(n, targetNames)).ToList() : null;
        var verbosity = VerbositySetting.Resolve(commandLine.Single("verbosity"), context.VerbosityVariable);
        context.Output.Verbosity = verbosity;

        foreach (var layer in context.LayersBelowCommandLine.OfType<ConfigurationLayer>().Where(HostConfiguration.IsFileLayer))
            HostConfiguration.CheckFileKeys(layer, parameters, HostOptions);

        var build = new T
        {
            RootDirectory = new AbsolutePath(context.RootDirectory),
            Verbosity = verbosity,
            Output = context.Output,
            Arguments = args,
        };
        var bound = ParameterBinder.Bind(build, parameters, [new CommandLineLayer(commandLine), .. context.LayersBelowCommandLine]);
        var targets = TargetDiscovery.Discover(build);

        if (commandLine.Flag("write-schema"))
        {
            var path = Path.Combine(context.RootDirectory, BuildSchema.RelativePath);
            File.WriteAllText(path, BuildSchema.Generate(parameters, targetNames, HostOptions));
            context.Output.Line($"Wrote {path}");
            return ExitCodes.Success;
        }
        if (commandLine.Flag("help"))
        {
            context.Output.Write(HelpText.Render(targets, defaultTargets, bound, HostOptions));
            return ExitCodes.Success;
        }

        if (invoked.Count == 0)
            invoked = defaultTargets.ToList();
        var plan = ExecutionPlanner.Plan(targets.Select(t => t.Spec).ToList(), invoked, skip);
        if (commandLine.Flag("plan"))
        {
            context.Output.Line(PlanText(plan));
            return ExitCodes.Success;
        }

        TargetExecutor.CheckRequirements(targets, plan);
        var results = TargetExecutor.Run(targets, plan, context.Output, verbosity);
        if (verbosity > Verbosity.Quiet)
        {
            context.Output.Line("");
            context.Output.Write(SummaryTable.Build(results, context.Output.Border));
        }
        var failed = results.FirstOrDefault(r => r.Status == TargetStatus.Failed);
        context.Output.Line(failed is null ? "Build succeeded." : $"Build failed: target '{failed.Name}' failed.");
        return failed is null ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>`--plan`: one numbered line per target in execution order, skipped ones marked.</summary>
    public static string PlanText(ExecutionPlan plan) =>
        string.Join(Environment.NewLine, plan.Order.Select((name, i) => $"{i + 1}. {name}{(plan.Skipped.Contains(name) ? " (skipped)" : "")}"));

    /// <summary>Target names compare case-insensitively (`./build.sh compile` works); an unknown one is one line with the nearest.</summary>
    public static string Canonical(string name, IReadOnlyList<string> targetNames) =>
        targetNames.FirstOrDefault(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new HostException(Suggestions.UnknownNameMessage("target", name, targetNames));
}
