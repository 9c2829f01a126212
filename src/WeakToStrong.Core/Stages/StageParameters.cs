using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;

namespace WeakToStrong.Core.Stages;

/// <summary>
/// A stage's parameters: one typed record per stage kind. The plan compiler serialises the record into the stage
/// (<see cref="Stage.Parameters"/>, which the key hashes) and the executor deserialises the same type from there and
/// receives nothing else of the manifest, so an executor cannot read a value its key never saw (DVC's rule: the key
/// is the hash of what the lock records). Add a property here and it is hashed; there is no second list to update.
/// </summary>
public abstract record StageParameters
{
    /// <summary>The record type each stage kind carries.</summary>
    public static Type TypeOf(StageKind kind) => kind switch
    {
        StageKind.Data => typeof(DataParameters),
        StageKind.Pretrain => typeof(PretrainParameters),
        StageKind.Weights => typeof(WeightsParameters),
        StageKind.Weak or StageKind.Ceiling or StageKind.Transfer or StageKind.Bootstrap => typeof(TrainParameters),
        StageKind.Label => typeof(LabelParameters),
        StageKind.Features => typeof(FeaturesParameters),
        StageKind.Evaluate => typeof(EvaluateParameters),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "stage kind without a parameter record"),
    };

    /// <summary>The record as the stage stores and the key hashes it (manifest JSON conventions: camelCase, string enums, nulls omitted).</summary>
    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, GetType(), ManifestJson.Options)!.AsObject();

    /// <summary>The record of a stage of <paramref name="kind"/>, typed as its kind's record.</summary>
    public static StageParameters Read(StageKind kind, JsonObject parameters) =>
        (StageParameters?)parameters.Deserialize(TypeOf(kind), ManifestJson.Options)
        ?? throw new InvalidOperationException($"stage parameters are not a {TypeOf(kind).Name}");

    /// <summary>Reads a stage's record back; unknown members are refused, so stored parameters and the type cannot drift apart.</summary>
    public static T Read<T>(JsonObject parameters) where T : StageParameters =>
        parameters.Deserialize<T>(ManifestJson.Options)
        ?? throw new InvalidOperationException($"stage parameters are not a {typeof(T).Name}");
}
