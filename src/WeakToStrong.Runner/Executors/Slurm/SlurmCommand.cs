using System.Diagnostics;

namespace WeakToStrong.Runner.Executors.Slurm;

/// <summary>Runs one of Slurm's client commands (sbatch, squeue, scontrol) and hands back what it printed.</summary>
public static class SlurmCommand
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>stderr, else stdout, on one line: what a user error quotes.</summary>
        public string Said => (Error.Trim().Length > 0 ? Error : Output).Trim().ReplaceLineEndings(" ");
    }

    /// <summary>The full path of <paramref name="program"/> on PATH, or null.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, CancellationToken ct = default)
    {
        var psi = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync(ct);
        var error = p.StandardError.ReadToEndAsync(ct);
        try
        {
            await p.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            p.Kill();
            throw;
        }
        return new Result(p.ExitCode, await output, await error);
    }

    /// <summary>Single-quotes an argument for the /bin/sh line `sbatch --wrap` runs.</summary>
    public static string Quote(string argument) => "'" + argument.Replace("'", "'\\''") + "'";
}
