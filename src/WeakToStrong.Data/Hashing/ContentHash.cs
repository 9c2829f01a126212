using System.Security.Cryptography;

namespace WeakToStrong.Data.Hashing;

/// <summary>The "sha256:&lt;hex&gt;" content hash used for everything this library produces (JSONL, manifests).</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
