using System.ComponentModel;
using System.Diagnostics;

namespace WeakToStrong.Data.Sources;

/// <summary>Runs an external tool (npm, apt-get, dpkg-deb) with an argument list (no shell), capturing output.</summary>
public static class ToolRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static async Task<Result> RunAsync(PinnedSource spec, string tool, IEnumerable<string> args, string workingDir, CancellationToken ct)
    {
        var psi = StartInfo(ToolLocator.Resolve(tool), args, workingDir);
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new SourceException(spec, $"could not start '{tool}'");
        }
        catch (Win32Exception e)
        {
            throw new SourceException(spec, $"the tool '{tool}' is missing or not runnable ({e.Message}); install it (the CI script .ci/run does)", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            try
            {
                await process.WaitForExitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw;
            }
            return new Result(process.ExitCode, await stdout, await stderr);
        }
    }

    /// <summary>What is started for a tool found as <paramref name="command"/> (<see cref="ToolLocator"/>): no shell, output captured.</summary>
    public static ProcessStartInfo StartInfo(ToolCommand command, IEnumerable<string> args, string workingDir)
    {
        var psi = new ProcessStartInfo(command.FileName)
        {
            WorkingDirectory = workingDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in command.LeadingArguments.Concat(args)) psi.ArgumentList.Add(a);
        // npm prints update notices and colours otherwise; neither belongs in an error line.
        psi.Environment["NO_UPDATE_NOTIFIER"] = "1";
        psi.Environment["NO_COLOR"] = "1";
        return psi;
    }

    /// <summary>The most telling line of a failed tool's output, so the error stays one line.</summary>
    public static string Summarize(Result r)
    {
        var lines = (r.StdErr + "\n" + r.StdOut).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var telling = lines.FirstOrDefault(l => l.Contains("ERR", StringComparison.OrdinalIgnoreCase) || l.StartsWith("E:", StringComparison.Ordinal))
                      ?? lines.LastOrDefault() ?? "(no output)";
        return $"exit code {r.ExitCode}: {telling}";
    }
}
