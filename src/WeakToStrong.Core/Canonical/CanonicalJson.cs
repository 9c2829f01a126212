using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeakToStrong.Core.Canonical;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: object keys sorted by UTF-16 code units, numbers in ECMAScript's
/// Number.prototype.toString form (so 2, 2.0 and 2e0 are the same bytes), minimal string escaping, no whitespace.
/// Content keys hash these bytes, so key order and whitespace in a manifest never change a key.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Canonical text of a node. Throws <see cref="ArgumentException"/> for NaN or infinite numbers, which JSON cannot hold.</summary>
    public static string Serialize(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    /// <summary>Canonical text of JSON text (parsed with duplicate keys rejected by System.Text.Json).</summary>
    public static string Canonicalize(string json) => Serialize(JsonNode.Parse(json));

    private static void Write(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                return;
            case JsonObject obj:
                sb.Append('{');
                var first = true;
                foreach (var (key, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first) sb.Append(',');
                    first = false;
                    WriteString(sb, key);
                    sb.Append(':');
                    Write(sb, child);
                }
                sb.Append('}');
                return;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Write(sb, array[i]);
                }
                sb.Append(']');
                return;
            default:
                var value = node.AsValue();
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String: WriteString(sb, value.GetValue<string>()); return;
                    case JsonValueKind.True: sb.Append("true"); return;
                    case JsonValueKind.False: sb.Append("false"); return;
                    case JsonValueKind.Null: sb.Append("null"); return;
                    default:
                        // Every JSON number is an IEEE double in JCS; larger integers lose precision by design.
                        var text = value.ToJsonString();
                        sb.Append(FormatNumber(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)));
                        return;
                }
        }
    }

    /// <summary>ECMAScript Number.prototype.toString(10) for a finite double (ECMA-262 §6.1.6.1.20).</summary>
    public static string FormatNumber(double d)
    {
        if (!double.IsFinite(d)) throw new ArgumentException($"{d} cannot be represented in JSON.", nameof(d));
        if (d == 0) return "0"; // also -0
        var sb = new StringBuilder();
        if (d < 0) { sb.Append('-'); d = -d; }

        // .NET's "R" is the shortest round-trip form, closest to the exact value (the same digits ECMAScript picks).
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOfAny(['E', 'e']);
        var mantissa = e >= 0 ? r[..e] : r;
        var exp10 = e >= 0 ? int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.');
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var digits = (intPart + (dot >= 0 ? mantissa[(dot + 1)..] : "")).TrimStart('0');
        var leadingZerosRemoved = (intPart + (dot >= 0 ? mantissa[(dot + 1)..] : "")).Length - digits.Length;
        // n: position of the decimal point relative to the first significant digit (value = 0.digits × 10^n).
        var n = intPart.Length - leadingZerosRemoved + exp10;
        digits = digits.TrimEnd('0');
        var k = digits.Length;

        if (k <= n && n <= 21) sb.Append(digits).Append('0', n - k);
        else if (0 < n && n <= 21) sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        else if (-6 < n && n <= 0) sb.Append("0.").Append('0', -n).Append(digits);
        else
        {
            sb.Append(digits[0]);
            if (k > 1) sb.Append('.').Append(digits, 1, k - 1);
            sb.Append('e').Append(n - 1 >= 0 ? '+' : '-').Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    // RFC 8785 §3.2.2.2: other controls as \u00xx lower-case; everything else literally.
                    // A lone surrogate (not I-JSON) is escaped rather than rejected, so hashing never throws on text.
                    if (c < 0x20 || (char.IsSurrogate(c) && !IsPairAt(s, i)))
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else if (char.IsHighSurrogate(c)) { sb.Append(c).Append(s[i + 1]); i++; }
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    private static bool IsPairAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
}
