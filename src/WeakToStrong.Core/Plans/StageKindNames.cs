using System.Reflection;
using System.Text.Json.Serialization;

namespace WeakToStrong.Core.Plans;

/// <summary>
/// A stage kind's name as plans, run records, progress lines and job names spell it: the JSON member name its
/// <see cref="StageKind"/> member declares (data, pretrain, …), read from that attribute so the two cannot differ.
/// </summary>
public static class StageKindNames
{
    static readonly IReadOnlyDictionary<StageKind, string> Names = Enum.GetValues<StageKind>().ToDictionary(
        k => k,
        k => typeof(StageKind).GetField(k.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
             ?? throw new InvalidOperationException($"StageKind.{k} declares no JSON member name"));

    public static string Name(this StageKind kind) => Names[kind];
}
