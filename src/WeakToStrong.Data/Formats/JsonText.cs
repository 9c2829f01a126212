using System.Globalization;
using System.Text;

namespace WeakToStrong.Data.Formats;

/// <summary>
/// Minimal JSON emitter whose output depends on nothing but the values: our own string escaping (only
/// <c>"</c>, <c>\</c> and control characters are escaped; other characters stay literal UTF-8), integers
/// and shortest round-trip doubles in the invariant culture. System.Text.Json's encoders escape more and
/// their choices are a runtime detail, which would move content hashes across .NET versions.
/// </summary>
public static class JsonText
{
    public static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    public static void AppendNumber(StringBuilder sb, double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no NaN or infinity");
        // "R" is the shortest string that round-trips on .NET Core 3.0+; integral doubles print without ".0".
        sb.Append(value.ToString("R", CultureInfo.InvariantCulture));
    }

    public static void AppendNumber(StringBuilder sb, long value) => sb.Append(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes <c>"name":</c>, with a leading comma unless it is the object's first member.</summary>
    public static void AppendName(StringBuilder sb, string name, ref bool first)
    {
        if (!first) sb.Append(',');
        first = false;
        AppendString(sb, name);
        sb.Append(':');
    }
}
