using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using WeakToStrong.Core.Diagnostics;
using WeakToStrong.Core.Json;
using WeakToStrong.Core.Text;

namespace WeakToStrong.Core.Manifests.Validation;

/// <summary>
/// Checks a located JSON tree against the C# manifest types, driven by System.Text.Json's own contract metadata
/// (so the validator, the deserializer and the exported JSON Schema cannot disagree about names or types).
/// Reports every problem; records the node at every path for later semantic checks.
/// </summary>
internal sealed class StructuralValidator(ICollection<Diagnostic> diagnostics)
{
    private readonly JsonSerializerOptions _options = ManifestJson.Options;

    /// <summary>Every visited node by path ("data.split.train1", "losses[0].name", "models.weak").</summary>
    public Dictionary<string, JsonSyntax> Index { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each property's name was written, by path (for errors about the key rather than its value).</summary>
    public Dictionary<string, SourceLocation> Keys { get; } = new(StringComparer.Ordinal);

    public void Validate(JsonSyntax node, Type type, string path, ICustomAttributeProvider? attributes)
    {
        Index[path] = node;
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(JsonElement)) return;
        if (t == typeof(string))
        {
            if (Expect(node, JsonValueKind.String, "a string", path) && CheckMaxLength((JsonSyntaxValue)node, path, attributes))
                CheckPattern((JsonSyntaxValue)node, path, attributes);
            return;
        }
        if (t == typeof(bool)) { if (node.Kind is not (JsonValueKind.True or JsonValueKind.False)) WrongType(node, path, "true or false"); return; }
        if (t == typeof(int)) { ValidateInteger(node, path, attributes); return; }
        if (t == typeof(double)) { ValidateNumber(node, path, attributes); return; }
        if (t.IsEnum) { ValidateEnum(node, t, path); return; }

        var info = _options.GetTypeInfo(t);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                if (!Expect(node, JsonValueKind.Array, "an array", path)) return;
                var array = (JsonSyntaxArray)node;
                CheckMinLength(node, array.Items.Count, path, attributes);
                for (var i = 0; i < array.Items.Count; i++) Validate(array.Items[i], info.ElementType!, $"{path}[{i}]", null);
                return;
            case JsonTypeInfoKind.Dictionary:
                if (!Expect(node, JsonValueKind.Object, "an object", path)) return;
                var dict = (JsonSyntaxObject)node;
                CheckMinLength(node, dict.Properties.Count, path, attributes);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in dict.Properties)
                {
                    if (!seen.Add(p.Name)) { Duplicate(p, path); continue; }
                    Validate(p.Value, info.ElementType!, Join(path, p.Name), null);
                }
                return;
            case JsonTypeInfoKind.Object:
                ValidateObject(node, info, path);
                return;
            default:
                diagnostics.Add(new Diagnostic(node.Location, DiagnosticCodes.Internal, $"No validation rule for type {t.Name} at '{path}'."));
                return;
        }
    }

    private void ValidateObject(JsonSyntax node, JsonTypeInfo info, string path)
    {
        if (!Expect(node, JsonValueKind.Object, "an object", path)) return;
        var obj = (JsonSyntaxObject)node;
        var known = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in obj.Properties)
        {
            if (!seen.Add(p.Name)) { Duplicate(p, path); continue; }
            Keys[Join(path, p.Name)] = p.NameLocation;
            if (!known.TryGetValue(p.Name, out var prop))
            {
                diagnostics.Add(new Diagnostic(p.NameLocation, DiagnosticCodes.UnknownKey,
                    $"Unknown property '{p.Name}' in {Describe(path)}.{DidYouMean.Hint(p.Name, known.Keys)}"));
                continue;
            }
            // null means "not set" for optional properties.
            if (p.Value.Kind == JsonValueKind.Null && !prop.IsRequired) { Index[Join(path, p.Name)] = p.Value; continue; }
            Validate(p.Value, prop.PropertyType, Join(path, p.Name), prop.AttributeProvider);
        }
        foreach (var prop in info.Properties.Where(p => p.IsRequired && !seen.Contains(p.Name)))
            diagnostics.Add(new Diagnostic(obj.Location, DiagnosticCodes.MissingRequired,
                $"Missing required property '{prop.Name}' in {Describe(path)}."));
    }

    private void ValidateInteger(JsonSyntax node, string path, ICustomAttributeProvider? attributes)
    {
        if (!Expect(node, JsonValueKind.Number, "an integer", path)) return;
        var v = (JsonSyntaxValue)node;
        var isSeed = path.StartsWith("seeds[", StringComparison.Ordinal);
        if (!double.IsFinite(v.GetDouble()) || (v.TryGetInteger(out var l) && (l < int.MinValue || l > int.MaxValue)))
        {
            diagnostics.Add(new Diagnostic(node.Location, DiagnosticCodes.OutOfRange, $"{Describe(path, true)} = {v.Text} is out of range for a 32-bit integer."));
            return;
        }
        if (!v.TryGetInteger(out l))
        {
            diagnostics.Add(isSeed
                ? new Diagnostic(node.Location, DiagnosticCodes.NonIntegerSeed, $"Seed {v.Text} is not an integer: seeds must be whole numbers.")
                : new Diagnostic(node.Location, DiagnosticCodes.NonInteger, $"{Describe(path, true)} must be an integer, got {v.Text}."));
            return;
        }
        CheckRange(node, l, v.Text, path, attributes);
    }

    private void ValidateNumber(JsonSyntax node, string path, ICustomAttributeProvider? attributes)
    {
        if (!Expect(node, JsonValueKind.Number, "a number", path)) return;
        var v = (JsonSyntaxValue)node;
        var d = v.GetDouble();
        if (!double.IsFinite(d))
        {
            diagnostics.Add(new Diagnostic(node.Location, DiagnosticCodes.OutOfRange, $"{Describe(path, true)} = {v.Text} is out of range for a double."));
            return;
        }
        CheckRange(node, d, v.Text, path, attributes);
    }

    private void ValidateEnum(JsonSyntax node, Type enumType, string path)
    {
        var names = EnumNames(enumType);
        if (!Expect(node, JsonValueKind.String, $"one of {string.Join(", ", names.Select(n => $"\"{n}\""))}", path)) return;
        var text = ((JsonSyntaxValue)node).Text;
        if (names.Contains(text)) return;
        var (code, what) = enumType == typeof(LossName) ? (DiagnosticCodes.UnknownLoss, "loss")
            : enumType == typeof(ModelFamily) ? (DiagnosticCodes.UnknownModelFamily, "model family")
            : (DiagnosticCodes.UnknownEnumValue, $"value for {Describe(path)}");
        diagnostics.Add(new Diagnostic(node.Location, code,
            $"Unknown {what} '{text}'.{DidYouMean.Hint(text, names)} Expected one of: {string.Join(", ", names)}."));
    }

    public static IReadOnlyList<string> EnumNames(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(f.Name))
            .ToList();

    private void CheckRange(JsonSyntax node, double value, string text, string path, ICustomAttributeProvider? attributes)
    {
        if (Attribute<RangeAttribute>(attributes) is not { } range) return;
        var min = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
        var max = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
        if (value >= min && value <= max) return;
        if (path == "schemaVersion")
        {
            diagnostics.Add(new Diagnostic(node.Location, DiagnosticCodes.UnsupportedSchemaVersion,
                $"Unsupported schemaVersion {text}: this version of WeakToStrong.Repro reads schemaVersion {Manifest.CurrentSchemaVersion}."));
            return;
        }
        var bound = min == max ? $"must be {Format(min)}" : max >= int.MaxValue ? $"must be at least {Format(min)}" : $"must be between {Format(min)} and {Format(max)}";
        diagnostics.Add(new Diagnostic(node.Location, DiagnosticCodes.OutOfRange,
            $"{Describe(path, true)} = {text} is out of range: it {bound}."));
    }

    private void CheckPattern(JsonSyntaxValue node, string path, ICustomAttributeProvider? attributes)
    {
        if (Attribute<RegularExpressionAttribute>(attributes) is not { } re) return;
        if (Regex.IsMatch(node.Text, re.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))) return;
        diagnostics.Add(new Diagnostic(node.Location, DiagnosticCodes.InvalidFormat,
            $"{Describe(path, true)} = \"{node.Text}\" does not match the expected format {re.Pattern}."));
    }

    /// <summary>False (and one diagnostic, which never quotes the value) when a string is longer than its cap.</summary>
    private bool CheckMaxLength(JsonSyntaxValue node, string path, ICustomAttributeProvider? attributes)
    {
        if (Attribute<MaxLengthAttribute>(attributes) is not { } max || node.Text.Length <= max.Length) return true;
        diagnostics.Add(new Diagnostic(node.Location, DiagnosticCodes.OutOfRange,
            $"{Describe(path, true)} is {node.Text.Length} characters long: at most {max.Length} are allowed."));
        return false;
    }

    private void CheckMinLength(JsonSyntax node, int count, string path, ICustomAttributeProvider? attributes)
    {
        if (Attribute<MinLengthAttribute>(attributes) is { } min && count < min.Length)
            diagnostics.Add(new Diagnostic(node.Location, DiagnosticCodes.OutOfRange,
                $"{Describe(path, true)} must have at least {min.Length} {(min.Length == 1 ? "entry" : "entries")}, got {count}."));
    }

    private bool Expect(JsonSyntax node, JsonValueKind kind, string what, string path)
    {
        if (node.Kind == kind) return true;
        WrongType(node, path, what);
        return false;
    }

    private void WrongType(JsonSyntax node, string path, string what) =>
        diagnostics.Add(new Diagnostic(node.Location, DiagnosticCodes.WrongType,
            $"{Describe(path, true)} must be {what}, got {KindName(node)}."));

    private void Duplicate(JsonSyntaxProperty p, string path) =>
        diagnostics.Add(path == "models"
            ? new Diagnostic(p.NameLocation, DiagnosticCodes.DuplicateModelName, $"Duplicate model name '{p.Name}': each model needs a unique name.")
            : new Diagnostic(p.NameLocation, DiagnosticCodes.DuplicateKey, $"Duplicate property '{p.Name}' in {Describe(path)}."));

    private static T? Attribute<T>(ICustomAttributeProvider? provider) where T : Attribute =>
        provider?.GetCustomAttributes(typeof(T), true).OfType<T>().FirstOrDefault();

    internal static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    internal static string Describe(string path, bool capital = false) =>
        path.Length == 0 ? (capital ? "The manifest" : "the manifest") : $"'{path}'";

    private static string Format(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    private static string KindName(JsonSyntax node) => node switch
    {
        JsonSyntaxValue { ValueKind: JsonValueKind.String } v => $"string \"{Truncate(v.Text)}\"",
        JsonSyntaxValue { ValueKind: JsonValueKind.Number } v => $"number {Truncate(v.Text)}",
        JsonSyntaxValue { ValueKind: JsonValueKind.True or JsonValueKind.False } v => $"boolean {v.Text}",
        JsonSyntaxValue => "null",
        JsonSyntaxArray => "an array",
        _ => "an object",
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
