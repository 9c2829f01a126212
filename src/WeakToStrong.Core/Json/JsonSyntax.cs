using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Diagnostics;

namespace WeakToStrong.Core.Json;

/// <summary>
/// A JSON tree that remembers where each value was written. System.Text.Json's JsonNode forgets positions,
/// and validation must point at the exact line and column (docs/architecture.md §3), including for values injected by overrides.
/// </summary>
public abstract record JsonSyntax(SourceLocation Location)
{
    public abstract JsonValueKind Kind { get; }

    /// <summary>Converts to a JsonNode. Duplicate keys keep the last value (the validator reports them).</summary>
    public abstract JsonNode? ToJsonNode();

    /// <summary>Builds a syntax tree from a JsonNode, every node located at <paramref name="location"/>.</summary>
    public static JsonSyntax FromJsonNode(JsonNode? node, SourceLocation location) => node switch
    {
        null => new JsonSyntaxValue(location, JsonValueKind.Null, "null"),
        JsonObject o => new JsonSyntaxObject(location,
            o.Select(p => new JsonSyntaxProperty(p.Key, location, FromJsonNode(p.Value, location))).ToList()),
        JsonArray a => new JsonSyntaxArray(location, a.Select(i => FromJsonNode(i, location)).ToList()),
        _ => FromElement(node.GetValueKind(), node.ToJsonString(), location),
    };

    private static JsonSyntaxValue FromElement(JsonValueKind kind, string jsonText, SourceLocation location) => kind switch
    {
        JsonValueKind.String => new JsonSyntaxValue(location, kind, JsonSerializer.Deserialize<string>(jsonText)!),
        _ => new JsonSyntaxValue(location, kind, jsonText),
    };
}

public sealed record JsonSyntaxProperty(string Name, SourceLocation NameLocation, JsonSyntax Value);

public sealed record JsonSyntaxObject(SourceLocation Location, IReadOnlyList<JsonSyntaxProperty> Properties) : JsonSyntax(Location)
{
    public override JsonValueKind Kind => JsonValueKind.Object;

    /// <summary>The last property with this name (JSON's usual "last wins"), or null.</summary>
    public JsonSyntaxProperty? Find(string name) => Properties.LastOrDefault(p => p.Name == name);

    public override JsonNode ToJsonNode()
    {
        var o = new JsonObject();
        foreach (var p in Properties) o[p.Name] = p.Value.ToJsonNode();
        return o;
    }
}

public sealed record JsonSyntaxArray(SourceLocation Location, IReadOnlyList<JsonSyntax> Items) : JsonSyntax(Location)
{
    public override JsonValueKind Kind => JsonValueKind.Array;
    public override JsonNode ToJsonNode() => new JsonArray(Items.Select(i => i.ToJsonNode()).ToArray());
}

/// <summary>A scalar. <see cref="Text"/> is the decoded string for strings and the literal text otherwise.</summary>
public sealed record JsonSyntaxValue(SourceLocation Location, JsonValueKind ValueKind, string Text) : JsonSyntax(Location)
{
    public override JsonValueKind Kind => ValueKind;

    public override JsonNode? ToJsonNode() => ValueKind switch
    {
        JsonValueKind.String => JsonValue.Create(Text),
        JsonValueKind.True => JsonValue.Create(true),
        JsonValueKind.False => JsonValue.Create(false),
        JsonValueKind.Null => null,
        // Integral numbers (2, 2.0, 2e3) become longs so they bind to int fields: JCS treats 2 and 2.0 as one value.
        _ => TryGetInteger(out var l) ? JsonValue.Create(l) : JsonValue.Create(GetDouble()),
    };

    public double GetDouble() =>
        double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;

    /// <summary>True when the number is integral and fits a long.</summary>
    public bool TryGetInteger(out long value)
    {
        value = 0;
        if (ValueKind != JsonValueKind.Number) return false;
        if (long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
        var d = GetDouble();
        if (double.IsFinite(d) && Math.Floor(d) == d && d >= -9.2e18 && d <= 9.2e18) { value = (long)d; return true; }
        return false;
    }
}
