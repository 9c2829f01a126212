using System.Globalization;
using WeakToStrong.Build.Host.Text;

namespace WeakToStrong.Build.Host.Parameters;

/// <summary>Turns the strings of one layer into a parameter's typed value (invariant culture; enums by kebab-case name).</summary>
public static class ValueConverter
{
    public static object? Convert(ParameterDescriptor parameter, IReadOnlyList<string> values)
    {
        if (!parameter.IsArray)
            return ConvertScalar(parameter, values[^1]);
        var array = Array.CreateInstance(parameter.ValueType.GetElementType()!, values.Count);
        for (var i = 0; i < values.Count; i++)
            array.SetValue(ConvertScalar(parameter, values[i]), i);
        return array;
    }

    public static object ConvertScalar(ParameterDescriptor parameter, string value)
    {
        var type = parameter.ScalarType;
        if (type == typeof(string))
            return value;
        if (type.IsEnum)
            return ParseEnum(parameter, type, value);
        try
        {
            if (type == typeof(bool))
                return value switch { "1" => true, "0" => false, _ => bool.Parse(value) };
            return System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            throw new HostException($"Parameter '--{parameter.Kebab}': '{value}' is not a valid {TypeName(type)}.");
        }
    }

    /// <summary>The names an enum parameter accepts, as written on the command line: `smoke`, `cpu`, `paper`.</summary>
    public static IReadOnlyList<string> EnumNames(Type type) => Enum.GetNames(type).Select(NameStyle.Kebab).ToList();

    public static string TypeName(Type type) =>
        type == typeof(string) ? "string"
        : type == typeof(int) ? "int"
        : type == typeof(long) ? "long"
        : type == typeof(double) ? "number"
        : type == typeof(bool) ? "bool"
        : type.IsEnum ? string.Join('|', EnumNames(type))
        : type.Name;

    static object ParseEnum(ParameterDescriptor parameter, Type type, string value)
    {
        foreach (var name in Enum.GetNames(type))
            if (NameStyle.Normalize(name) == NameStyle.Normalize(value))
                return Enum.Parse(type, name);
        throw new HostException($"Parameter '--{parameter.Kebab}': " + Suggestions.UnknownNameMessage("value", value, EnumNames(type)));
    }
}
