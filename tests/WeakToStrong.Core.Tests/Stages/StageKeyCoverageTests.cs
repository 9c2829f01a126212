using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Stages;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Stages;

/// <summary>
/// The stage-contract tests: executors receive exactly their parameter record, so a record property that the key
/// does not hash would be a value an executor reads unseen. Each test walks the record types by reflection, so a
/// property added later is covered without editing a list.
/// </summary>
public class StageKeyCoverageTests
{
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var sample in StageParameterSamples.All)
            foreach (var path in PropertyPaths(sample.GetType(), sample.GetType().Name))
                data.Add(path);
        return data;
    }

    [Theory, MemberData(nameof(Paths))]
    public void Changing_any_property_of_a_stage_parameter_record_changes_the_stage_key(string path)
    {
        var segments = path.Split('.');
        var sample = StageParameterSamples.All.Single(s => s.GetType().Name == segments[0]);
        var json = sample.ToJson();
        Assert.True(Mutate(json, sample.GetType(), segments[1..]), $"{path} is unset in the sample: set it in StageParameterSamples");

        // Round trip through the record type: a mutation the type drops (an ignored or read-only member) is lost here.
        var changed = (StageParameters)json.Deserialize(sample.GetType(), ManifestJson.Options)!;
        Assert.NotEqual(Key(sample), Key(changed));
    }

    [Fact]
    public void Every_stage_kind_has_a_record_and_every_record_has_a_sample()
    {
        var kinds = Enum.GetValues<StageKind>().Select(StageParameters.TypeOf).Distinct().OrderBy(t => t.Name).ToList();
        var records = typeof(StageParameters).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(StageParameters))).OrderBy(t => t.Name).ToList();
        Assert.Equal(records, kinds);
        Assert.Equal(records, StageParameterSamples.All.Select(s => s.GetType()).OrderBy(t => t.Name));
    }

    [Fact]
    public void A_record_read_back_from_its_stage_serialises_to_the_same_json()
    {
        foreach (var sample in StageParameterSamples.All)
        {
            var json = sample.ToJson();
            var back = (StageParameters)json.Deserialize(sample.GetType(), ManifestJson.Options)!;
            Assert.Equal(json.ToJsonString(), back.ToJson().ToJsonString());
        }
    }

    [Fact]
    public void A_stage_refuses_to_be_read_as_another_kinds_record()
    {
        var text = File.ReadAllText(RepoPaths.SampleManifest);
        var plan = PlanCompiler.Compile(ManifestLoader.Load(text, "nlp-definitions.json", TaskCatalog.Default).Manifest!, TaskCatalog.Default, "v");
        var e = Assert.Throws<InvalidOperationException>(() => plan["data/s0"].Read<TrainParameters>());
        Assert.Equal("stage 'data/s0' (Data) carries DataParameters, not TrainParameters", e.Message);
        Assert.Equal(0, plan["data/s0"].Read<DataParameters>().Seed);
    }

    static string Key(StageParameters p) => StageKey.Of(StageKind.Data, "v", p, []);

    /// <summary>Dotted JSON paths of every property reachable from <paramref name="type"/> (list items as "0", dictionary values as "*").</summary>
    static IEnumerable<string> PropertyPaths(Type type, string prefix)
    {
        // A one-member enum (Optimizer: adam) has no other value to change to; it is hashed all the same.
        foreach (var property in JsonProperties(type).Where(p => !(Unwrap(p.PropertyType).IsEnum && Enum.GetNames(Unwrap(p.PropertyType)).Length == 1)))
        {
            string path = $"{prefix}.{JsonName(property)}";
            yield return path;
            foreach (var nested in NestedPaths(Unwrap(property.PropertyType), path)) yield return nested;
        }
    }

    static IEnumerable<string> NestedPaths(Type type, string path)
    {
        if (IsRecord(type)) return PropertyPaths(type, path);
        if (ElementOf(type) is { } element) return NestedPaths(Unwrap(element), path + (IsDictionary(type) ? ".*" : ".0"));
        return [];
    }

    /// <summary>Changes the value at <paramref name="path"/> in place; false when the sample has nothing there.</summary>
    static bool Mutate(JsonNode node, Type type, string[] path)
    {
        type = Unwrap(type);
        if (path.Length == 0) throw new InvalidOperationException("empty path");
        JsonNode? child;
        Type childType;
        if (IsRecord(type))
        {
            var property = JsonProperties(type).Single(p => JsonName(p) == path[0]);
            childType = property.PropertyType;
            if (path.Length == 1) return Replace(node.AsObject(), path[0], node[path[0]], childType);
            child = node[path[0]];
        }
        else if (IsDictionary(type))
        {
            var obj = node.AsObject();
            if (obj.Count == 0) return false;
            childType = ElementOf(type)!;
            var first = obj.First().Key;
            if (path.Length == 1) return Replace(obj, first, obj[first], childType);
            child = obj[first];
        }
        else
        {
            var array = node.AsArray();
            if (array.Count == 0) return false;
            childType = ElementOf(type)!;
            if (path.Length == 1) { array[0] = Different(array[0], Unwrap(childType)); return array[0] is not null; }
            child = array[0];
        }
        return child is not null && Mutate(child, childType, path[1..]);
    }

    static bool Replace(JsonObject parent, string name, JsonNode? current, Type type)
    {
        if (current is null) return false;
        parent[name] = Different(current.DeepClone(), Unwrap(type));
        return true;
    }

    /// <summary>A value of <paramref name="type"/> different from <paramref name="current"/>.</summary>
    static JsonNode? Different(JsonNode? current, Type type)
    {
        if (current is null) return null;
        if (type == typeof(string)) return (string)current! + "-changed";
        if (type == typeof(bool)) return !(bool)current!;
        if (type == typeof(int)) return (int)current! + 1;
        if (type == typeof(long)) return (long)current! + 1;
        if (type == typeof(ulong)) return (ulong)current! + 1;
        if (type == typeof(double)) return (double)current! * 2 + 1;
        if (type == typeof(JsonElement)) return new JsonArray(current.DeepClone());
        if (type.IsEnum)
        {
            var names = type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name).ToList();
            return JsonValue.Create(names.First(n => n != (string)current!));
        }
        if (IsRecord(type) || IsDictionary(type))
        {
            var copy = current.DeepClone().AsObject();
            if (IsDictionary(type)) { copy["added-by-test"] = copy.First().Value?.DeepClone(); return copy; }
            return null; // a record changes through its own properties, tested one by one
        }
        if (ElementOf(type) is not null)
        {
            var copy = current.DeepClone().AsArray();
            copy.Add(copy[0]?.DeepClone());
            return copy;
        }
        throw new NotSupportedException($"no mutation for {type}");
    }

    static IEnumerable<PropertyInfo> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract" && p.GetIndexParameters().Length == 0);

    static string JsonName(PropertyInfo p) => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name);

    static Type Unwrap(Type t) => Nullable.GetUnderlyingType(t) ?? t;

    static bool IsRecord(Type t) => t.IsClass && t != typeof(string) && t.GetMethod("<Clone>$") is not null;

    static bool IsDictionary(Type t) => t.IsGenericType && t.GetInterfaces().Append(t).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));

    static Type? ElementOf(Type t)
    {
        if (t == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(t)) return null;
        if (IsDictionary(t)) return t.GetGenericArguments()[1];
        return t.IsGenericType ? t.GetGenericArguments()[0] : null;
    }
}
