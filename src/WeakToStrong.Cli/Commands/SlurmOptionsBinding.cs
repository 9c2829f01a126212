using System.CommandLine;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Executors;
using WeakToStrong.Runner.Executors.Slurm;

namespace WeakToStrong.Cli.Commands;

/// <summary>
/// `reproduce`'s executor options (docs/cluster.md), named as the build host's parameters: --executor local|slurm and
/// what a Slurm submission takes. A stage job runs this same tool: `w2s stage run` (<see cref="StageCommand"/>).
/// </summary>
sealed class SlurmOptionsBinding
{
    readonly Option<string> _executor = new("--executor") { Description = "Where stages run: local (this process) or slurm (one sbatch job per stage not in the store; docs/cluster.md).", DefaultValueFactory = _ => "local" };
    readonly Option<string?> _partition = new("--partition") { Description = "Slurm partition for the stage jobs (default: the cluster's)." };
    readonly Option<string?> _account = new("--account") { Description = "Slurm account to charge (default: the user's)." };
    readonly Option<string?> _time = new("--time") { Description = "Time limit of each stage job, in sbatch's form (30, 2:00:00)." };
    readonly Option<int> _gpus = new("--gpus-per-stage") { Description = "GPUs for each stage that trains (with --device cuda)." };
    readonly Option<bool> _detach = new("--detach") { Description = "Submit and return; the same command again waits for the jobs and writes the record." };

    public SlurmOptionsBinding() => _executor.AcceptOnlyFromAmong("local", "slurm");

    public IEnumerable<Option> Options => [_executor, _partition, _account, _time, _gpus, _detach];

    /// <summary>The request's Slurm options, or null for the local executor.</summary>
    /// <exception cref="Runner.Application.UserError">A Slurm option without --executor slurm.</exception>
    public SlurmOptions? Bind(ParseResult parse)
    {
        if (parse.GetValue(_executor) != "slurm")
        {
            var stray = Options.Skip(1).FirstOrDefault(o => parse.GetResult(o) is { Implicit: false });
            if (stray is not null)
                throw new Runner.Application.UserError($"reproduce: {stray.Name} needs --executor slurm");
            return null;
        }
        return new SlurmOptions
        {
            Partition = parse.GetValue(_partition),
            Account = parse.GetValue(_account),
            Time = parse.GetValue(_time),
            GpusPerStage = parse.GetValue(_gpus),
            Detach = parse.GetValue(_detach),
            StageCommand = StageCommand.JobCommand,
        };
    }
}
