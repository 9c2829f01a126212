using System.Text.Json.Nodes;

namespace WeakToStrong.Runner.Application.RunsIndex;

/// <summary>
/// `report [--run R] [--index]` as both front-ends print it: the run's report (<see cref="ReportVerb"/>), then, with
/// --index, runs/index.html rewritten (<see cref="RunsIndexVerb"/>). One method, so `w2s report` and
/// `./build.sh Report` do and print the same.
/// </summary>
public static class ReportIndexOutput
{
    /// <param name="report">Null with <paramref name="index"/> alone.</param>
    /// <exception cref="UserError">Neither a run nor --index.</exception>
    public static string Run(ReportRequest? report, bool index, string runsDirectory, bool json)
    {
        if (report is null && !index) throw new UserError("report: give a run (--run <key|prefix|path>) or --index, or both");
        var result = report is null ? null : ReportVerb.Run(report);
        var written = index ? RunsIndexVerb.Write(runsDirectory) : null;
        if (json)
        {
            if (written is null) return JsonRenderer.Report(result!);
            var indexNode = new JsonObject { ["index"] = written.Path, ["runs"] = written.Runs, ["written"] = written.Written };
            return JsonRenderer.Format(result is null ? indexNode : new JsonObject { ["report"] = ReportText.Json(result), ["index"] = indexNode });
        }
        return (result is null ? "" : TextRenderer.Report(result)) + (written is null ? "" : Text(written));
    }

    /// <summary>"index /…/runs/index.html: 3 runs (written)"; "(unchanged)" when its bytes were already these.</summary>
    public static string Text(RunsIndexResult written) =>
        $"index {written.Path}: {written.Runs} run{(written.Runs == 1 ? "" : "s")} ({(written.Written ? "written" : "unchanged")})\n";
}
