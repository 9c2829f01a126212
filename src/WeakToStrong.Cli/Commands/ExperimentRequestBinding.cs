using System.CommandLine;
using WeakToStrong.Runner;

namespace WeakToStrong.Cli.Commands;

/// <summary>
/// The options that name what to resolve (experiment, scale, seeds, overrides, experiments folder) and their binding
/// to a <see cref="ReproduceRequest"/>: one place for the verbs that resolve a manifest (`plan`, `status`, `reproduce`),
/// as the build host's one <c>CreateRequest</c> is for its targets.
/// </summary>
sealed class ExperimentRequestBinding
{
    readonly Option<string> _experiment = CommonOptions.Experiment();
    readonly Option<string?> _scale = CommonOptions.Scale();
    readonly Option<int[]> _seeds = CommonOptions.Seeds();
    readonly Option<string[]> _set = CommonOptions.Set();
    readonly Option<string> _experiments = CommonOptions.ExperimentsDir();

    public IEnumerable<Option> Options => [_experiment, _scale, _seeds, _set, _experiments];

    /// <param name="runsDirectory">Where records are read or written (a plan writes none: the workspace's).</param>
    public ReproduceRequest Bind(ParseResult parse, string runsDirectory) => new()
    {
        Experiment = parse.GetValue(_experiment)!,
        ExperimentsDirectory = parse.GetValue(_experiments)!,
        RunsDirectory = runsDirectory,
        Scale = parse.GetValue(_scale),
        Seeds = parse.GetValue(_seeds) ?? [],
        Sets = parse.GetValue(_set) ?? [],
    };
}
