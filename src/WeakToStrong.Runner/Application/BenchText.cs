using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeakToStrong.Runner.Application;

/// <summary>`bench` output: one table row per measured loop, or the same numbers as JSON (--json).</summary>
public static class BenchText
{
    public static string Header(int threads) =>
        $"{"loop",-9} {"experiment",-16} {"model",-10} {"tok/s",8} {"padded",7} {"GFLOP/s",8} {"peak",6} {"of peak",7}  details   ({threads} threads; FLOPs: 6·N·tokens training, 2·N·tokens inference, N without embeddings, LM head counted in pretraining)\n";

    public static string Row(BenchRow r) => string.Format(CultureInfo.InvariantCulture,
        "{0,-9} {1,-16} {2,-10} {3,8:F0} {4,7:P1} {5,8:F1} {6,6:F0} {7,7:P1}  {8}\n",
        r.Loop, r.Experiment, r.Model, r.Throughput.TokensPerSecond, r.Throughput.PaddedShare, r.Throughput.Gflops,
        r.Throughput.PeakGflops, r.Throughput.FractionOfPeak, r.Detail);

    /// <summary>Writes each row as it is measured, the header before the first (what both front-ends print).</summary>
    public static Action<BenchRow> Streaming(Action<string> write, int threads)
    {
        bool headed = false;
        return row =>
        {
            if (!headed) write(Header(threads));
            headed = true;
            write(Row(row));
        };
    }

    public static string Render(BenchResult result)
    {
        var sb = new StringBuilder(Header(result.Threads));
        foreach (var r in result.Rows) sb.Append(Row(r));
        return sb.ToString();
    }

    public static string Json(BenchResult result) => new JsonObject
    {
        ["threads"] = result.Threads,
        ["rows"] = new JsonArray(result.Rows.Select(r => (JsonNode)new JsonObject
        {
            ["loop"] = r.Loop, ["experiment"] = r.Experiment, ["model"] = r.Model, ["detail"] = r.Detail,
            ["precision"] = r.Throughput.Precision,
            ["tokensPerSecond"] = Math.Round(r.Throughput.TokensPerSecond, 1),
            ["paddedShare"] = Math.Round(r.Throughput.PaddedShare, 4),
            ["flopsPerToken"] = r.Throughput.FlopsPerToken,
            ["gflops"] = Math.Round(r.Throughput.Gflops, 1),
            ["peakGflops"] = Math.Round(r.Throughput.PeakGflops, 1),
            ["fractionOfPeak"] = Math.Round(r.Throughput.FractionOfPeak, 4),
        }).ToArray()),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
}
