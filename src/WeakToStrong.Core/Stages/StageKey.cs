using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;
using WeakToStrong.Core.Plans;

namespace WeakToStrong.Core.Stages;

/// <summary>
/// A stage's content key: sha256 of the canonical JSON of {kind, codeVersion, params: the parameter record, inputs:
/// the sorted keys of the stages it reads}. Two stages share a key exactly when they would compute the same thing.
/// </summary>
public static class StageKey
{
    public static string Of(StageKind kind, string codeVersion, StageParameters parameters, IEnumerable<string> inputKeys) =>
        ContentKey.Of(new JsonObject
        {
            ["kind"] = kind.ToString().ToLowerInvariant(),
            ["codeVersion"] = codeVersion,
            ["params"] = parameters.ToJson(),
            ["inputs"] = new JsonArray(inputKeys.Order(StringComparer.Ordinal).Select(k => (JsonNode)k).ToArray()),
        });
}
