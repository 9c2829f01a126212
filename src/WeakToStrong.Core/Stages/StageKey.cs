using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;
using WeakToStrong.Core.Plans;

namespace WeakToStrong.Core.Stages;

/// <summary>
/// A stage's content key: sha256 of the canonical JSON of {kind, code (the hash of the code that computes it), params: the parameter record, inputs:
/// the sorted keys of the stages it reads}. Two stages share a key exactly when they would compute the same thing.
/// </summary>
public static class StageKey
{
    public static string Of(StageKind kind, string code, StageParameters parameters, IEnumerable<string> inputKeys) =>
        Of(kind, code, parameters.ToJson(), inputKeys);

    /// <summary>The same key from the record's JSON, as a plan file carries it (Plan.FromJson re-checks each key with it).</summary>
    public static string Of(StageKind kind, string code, JsonObject parameters, IEnumerable<string> inputKeys) =>
        ContentKey.Of(new JsonObject
        {
            ["kind"] = kind.ToString().ToLowerInvariant(),
            ["code"] = code,
            ["params"] = parameters.DeepClone(),
            ["inputs"] = new JsonArray(inputKeys.Order(StringComparer.Ordinal).Select(k => (JsonNode)k).ToArray()),
        });
}
