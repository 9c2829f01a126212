using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;
using WeakToStrong.Core.Plans;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Runner.Executors;

/// <summary>
/// A compiled plan as a file the stage processes read (Slurm jobs, `--jobs` children): `&lt;store&gt;/slurm/plans/&lt;content key of the plan&gt;.json`, in
/// the store because the store is what every node sees (docs/cluster.md). Named by its content, so submitting the same
/// plan twice writes the same file.
/// </summary>
public static class PlanFile
{
    public static string Write(string storeRoot, Plan plan)
    {
        var json = plan.ToJson();
        string path = Path.Combine(storeRoot, "slurm", "plans", ContentKey.Of(json) + ".json");
        if (!File.Exists(path))
            AtomicFile.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return path;
    }

    /// <summary>The plan in <paramref name="path"/>, its keys checked; a plan compiled by other stage code is refused.</summary>
    /// <exception cref="UserError">Unreadable, inconsistent, or compiled for other code: one line.</exception>
    public static Plan Read(string path, IStageCode code)
    {
        Plan plan;
        try
        {
            plan = Plan.FromJson(JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new FormatException("not a JSON object"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidOperationException)
        {
            throw new UserError($"stage run: cannot read plan {path}: {e.Message.ReplaceLineEndings(" ")}");
        }
        if (plan.CodeVersion != code.Label)
            throw new UserError($"stage run: plan {path} was compiled for code '{plan.CodeVersion}', this is '{code.Label}': install the submitter's build on the nodes");
        // The same label over different sources: the first stage whose code this build would hash otherwise.
        if (plan.Stages.FirstOrDefault(s => s.Code != code.Of(s.Kind, s.Parameters)) is { } other)
            throw new UserError($"stage run: plan {path} was compiled by other code than this build's for stage {other.Id} (code {other.Code[..12]}, this build's {code.Of(other.Kind, other.Parameters)[..12]}): install the submitter's build on the nodes");
        return plan;
    }
}
