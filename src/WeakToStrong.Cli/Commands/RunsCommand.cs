using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Cli.Commands;

static class RunsCommand
{
    public static Command Create()
    {
        var experiment = new Option<string?>("--experiment", "-e") { Description = "Only this experiment's runs." };
        var runs = CommonOptions.RunsDir();
        var json = CommonOptions.Json();
        var command = new Command("runs", "List past runs from their records.") { experiment, runs, json };
        command.SetAction(parse =>
        {
            var list = RunIndex.List(parse.GetValue(runs)!, parse.GetValue(experiment));
            if (parse.GetValue(json))
            {
                Console.WriteLine(new JsonArray(list.Select(r => (JsonNode)new JsonObject
                {
                    ["experiment"] = r.Experiment, ["runKey"] = r.RunKey, ["scale"] = r.Scale, ["finishedAt"] = r.FinishedAt, ["path"] = r.Path,
                }).ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            if (list.Count == 0) { Console.WriteLine("no runs recorded"); return 0; }
            foreach (var r in list)
                Console.WriteLine($"{r.Experiment,-20} {r.RunKey[..12]}  {r.Scale ?? "-",-6} {r.FinishedAt ?? "-"}");
            return 0;
        });
        return command;
    }
}
