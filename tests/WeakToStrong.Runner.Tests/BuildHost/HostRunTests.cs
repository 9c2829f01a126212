using Microsoft.Extensions.Configuration;
using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Build.Host.Execution;
using WeakToStrong.Build.Host.Output;
using WeakToStrong.Build.Host.Parameters;

namespace WeakToStrong.Runner.Tests.BuildHost;

// [Parameter] fields are assigned by the host through reflection, which the compiler cannot see.
#pragma warning disable CS0649

/// <summary>The whole host over a small build class: discovery, binding, planning, execution, summary, exit codes.</summary>
public sealed class HostRunTests : IDisposable
{
    sealed class SampleBuild : NukeBuild
    {
        public static readonly List<string> Log = [];

        [Parameter("Which experiment to run.")] readonly string? Experiment;
        [Parameter("Fail inside Compile.")] readonly bool Break;
        [Parameter("Run Publish.")] readonly bool Publishing;

        Target Clean => _ => _.Description("Removes outputs.").Before(Restore).Executes(() => Log.Add("Clean"));
        Target Restore => _ => _.Executes(() => Log.Add("Restore"));
        Target Compile => _ => _
            .Description("Builds.")
            .DependsOn(Restore)
            .Executes(() =>
            {
                if (Break)
                    throw new InvalidOperationException("compiler said no\nsecond line");
                Log.Add("Compile");
            });
        Target Test => _ => _.DependsOn(Compile).Executes(async () => { await Task.Yield(); Log.Add("Test"); });
        Target Publish => _ => _.DependsOn(Compile).OnlyWhenDynamic(() => Publishing).Executes(() => Log.Add("Publish"));
        Target Reproduce => _ => _.Requires(() => Experiment).Executes(() => Log.Add("Reproduce " + Experiment));
    }

    sealed class CollidingBuild : NukeBuild
    {
        [Parameter("Shadows the host's --root.")] readonly string? Root;
        Target Compile => _ => _.Executes(() => Log(Root));
        static void Log(string? value) => SampleBuild.Log.Add(value ?? "");
    }

    readonly string root = Directory.CreateTempSubdirectory("w2s-host-").FullName;
    readonly StringWriter output = new();
    readonly StringWriter error = new();

    public HostRunTests() => SampleBuild.Log.Clear();

    public void Dispose() => Directory.Delete(root, recursive: true);

    int Run(params string[] args)
    {
        var context = new HostContext(root, HostConfiguration.LayersBelowCommandLine(root, new ConfigurationBuilder().Build()),
            HostOutput.ForWriter(output, error));
        return Build.Host.BuildHost.Run<SampleBuild>(args, ["Compile"], () => context);
    }

    string[] ErrorLines => error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Targets_run_in_dependency_order_and_the_summary_lists_each()
    {
        Assert.Equal(0, Run("Test"));

        Assert.Equal(["Restore", "Compile", "Test"], SampleBuild.Log);
        Assert.Matches(@"Restore\s*\|\s*Succeeded", output.ToString());
        Assert.Matches(@"Test\s*\|\s*Succeeded", output.ToString());
        Assert.Contains("Build succeeded.", output.ToString());
    }

    [Fact]
    public void No_target_runs_the_default()
    {
        Assert.Equal(0, Run());

        Assert.Equal(["Restore", "Compile"], SampleBuild.Log);
    }

    [Fact]
    public void A_failing_target_is_one_line_the_rest_is_NotRun_and_the_exit_code_is_NUKEs_minus_1()
    {
        Assert.Equal(ExitCodes.Failure, Run("Test", "--break"));

        Assert.Equal(["Restore"], SampleBuild.Log);
        Assert.Equal(["Target 'Compile' failed: InvalidOperationException: compiler said no second line"], ErrorLines);
        Assert.Matches(@"Compile\s*\|\s*Failed", output.ToString());
        Assert.Matches(@"Test\s*\|\s*NotRun", output.ToString());
    }

    [Fact]
    public void Verbose_adds_the_stack_trace()
    {
        Assert.Equal(ExitCodes.Failure, Run("Compile", "--break", "--verbosity", "verbose"));

        Assert.True(ErrorLines.Length > 2);
        Assert.Contains(ErrorLines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_false_dynamic_condition_skips_the_target()
    {
        Assert.Equal(0, Run("Publish"));

        Assert.Equal(["Restore", "Compile"], SampleBuild.Log);
        Assert.Matches(@"Publish\s*\|\s*Skipped", output.ToString());

        SampleBuild.Log.Clear();
        Assert.Equal(0, Run("Publish", "--publishing"));
        Assert.Equal(["Restore", "Compile", "Publish"], SampleBuild.Log);
    }

    [Fact]
    public void Plan_prints_the_order_and_runs_nothing()
    {
        Assert.Equal(0, Run("--plan", "Test", "Clean"));

        Assert.Empty(SampleBuild.Log);
        Assert.Equal("1. Clean\n2. Restore\n3. Compile\n4. Test\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_unknown_target_is_one_error_line_with_NUKEs_failure_code()
    {
        Assert.Equal(ExitCodes.Failure, Run("Cleam"));

        Assert.Equal(["Unknown target 'Cleam'; did you mean 'Clean'?"], ErrorLines);
        Assert.Empty(output.ToString());
        Assert.Empty(SampleBuild.Log);
    }

    [Fact]
    public void Target_names_are_case_insensitive()
    {
        Assert.Equal(0, Run("restore"));

        Assert.Equal(["Restore"], SampleBuild.Log);
    }

    [Fact]
    public void A_missing_required_parameter_fails_before_anything_runs()
    {
        Assert.Equal(ExitCodes.Failure, Run("Compile", "Reproduce"));

        Assert.Equal(["Target 'Reproduce' requires parameter '--experiment'."], ErrorLines);
        Assert.Empty(SampleBuild.Log);
    }

    [Fact]
    public void A_bound_parameter_reaches_the_target()
    {
        Assert.Equal(0, Run("Reproduce", "--experiment", "nlp"));

        Assert.Equal(["Reproduce nlp"], SampleBuild.Log);
    }

    [Fact]
    public void Help_is_laid_out_as_NUKE_lays_it_out_with_each_parameters_current_value()
    {
        File.WriteAllText(Path.Combine(root, "nuke.json"), """{ "Experiment": "from-file" }""");

        Assert.Equal(ExitCodes.Success, Run("--help"));

        var help = output.ToString().Split('\n');
        Assert.Equal("Targets (with their direct dependencies):", help[0]);
        Assert.Equal(["  Clean", "    Removes outputs.", "  Restore", "  Compile (default)    -> Restore", "    Builds.",
            "  Test                 -> Compile", "  Publish              -> Compile", "  Reproduce", ""], help[2..11]);
        Assert.Equal("Parameters (command line > environment NUKE_NAME or NAME > nuke.json > .nuke/parameters.json):", help[11]);
        Assert.Equal(["  --experiment        Which experiment to run. [current: from-file, from nuke.json]",
            "  --break             Fail inside Compile. [current: false]",
            "  --publishing        Run Publish. [current: false]", ""], help[13..17]);
        Assert.Equal("  --help              Shows the help text for this build assembly.", help[17]);
        Assert.Contains("  --no-logo           Disables displaying the NUKE logo (this host prints none).", help);
        Assert.Empty(SampleBuild.Log);
    }

    [Fact]
    public void No_logo_is_accepted_and_changes_nothing()
    {
        Assert.Equal(ExitCodes.Success, Run("Restore", "--no-logo"));

        Assert.Equal(["Restore"], SampleBuild.Log);
    }

    [Fact]
    public void Root_points_the_build_at_another_folder_and_its_parameter_files()
    {
        string other = Directory.CreateDirectory(Path.Combine(root, "other")).FullName;
        File.WriteAllText(Path.Combine(other, "nuke.json"), """{ "Experiment": "from-other" }""");

        Assert.Equal(ExitCodes.Success, Run("Reproduce", "--root", other));

        Assert.Equal(["Reproduce from-other"], SampleBuild.Log);
    }

    [Fact]
    public void A_root_that_is_not_a_folder_is_one_line()
    {
        Assert.Equal(ExitCodes.Failure, Run("Restore", "--root", "absent"));

        Assert.Equal([$"Parameter '--root': {Path.Combine(root, "absent")} is not a folder."], ErrorLines);
    }

    [Fact]
    public void A_host_option_in_a_parameters_file_is_one_line_saying_where_it_belongs()
    {
        File.WriteAllText(Path.Combine(root, "nuke.json"), """{ "NoLogo": true }""");

        Assert.Equal(ExitCodes.Failure, Run("Restore"));

        Assert.Equal(["nuke.json: 'NoLogo' is a host option: give it on the command line (--no-logo)."], ErrorLines);
    }

    [Fact]
    public void A_bug_in_the_build_class_is_NUKEs_failure_code_with_its_whole_text()
    {
        var context = new HostContext(root, HostConfiguration.LayersBelowCommandLine(root, new ConfigurationBuilder().Build()),
            HostOutput.ForWriter(output, error));

        Assert.Equal(ExitCodes.Failure, Build.Host.BuildHost.Run<CollidingBuild>(["Compile"], ["Compile"], () => context));

        Assert.StartsWith("System.InvalidOperationException: Parameter Root hides the host option --root.", error.ToString());
        Assert.Empty(SampleBuild.Log);
    }

    [Fact]
    public void Discovery_names_targets_by_property_and_resolves_dependencies_by_delegate()
    {
        var targets = TargetDiscovery.Discover(new SampleBuild());

        Assert.Equal(["Clean", "Restore", "Compile", "Test", "Publish", "Reproduce"], targets.Select(t => t.Name));
        Assert.Equal(["Restore"], targets.Single(t => t.Name == "Clean").Spec.Before);
        Assert.Equal(["Compile"], targets.Single(t => t.Name == "Test").Spec.DependsOn);
    }
}
