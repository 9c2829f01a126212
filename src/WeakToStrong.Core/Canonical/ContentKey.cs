using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace WeakToStrong.Core.Canonical;

/// <summary>A content key: lower-case hex SHA-256 of a value's RFC 8785 canonical JSON (UTF-8).</summary>
public static class ContentKey
{
    public static string Of(JsonNode? node) => OfCanonicalText(CanonicalJson.Serialize(node));

    public static string OfCanonicalText(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
