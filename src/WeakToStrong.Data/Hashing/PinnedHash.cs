using System.Security.Cryptography;

namespace WeakToStrong.Data.Hashing;

/// <summary>
/// A pinned content hash in one of the two notations the registries use: npm's Subresource-Integrity form
/// <c>sha512-&lt;base64&gt;</c> (package.json <c>dist.integrity</c>) and <c>sha256:&lt;hex&gt;</c> (Debian's
/// Packages files, our own store). Compared on the raw digest bytes, printed back in the notation it came in.
/// </summary>
public sealed record PinnedHash(HashAlgorithmName Algorithm, byte[] Digest, bool SriNotation)
{
    public static PinnedHash Parse(string text)
    {
        if (TryParse(text, out var h, out var error)) return h;
        throw new FormatException(error);
    }

    public static bool TryParse(string? text, out PinnedHash hash, out string error)
    {
        hash = null!;
        error = "";
        if (string.IsNullOrWhiteSpace(text)) { error = "empty hash"; return false; }
        foreach (var (prefix, alg, len) in Algorithms)
        {
            try
            {
                if (text.StartsWith(prefix + ":", StringComparison.Ordinal))
                {
                    var hex = text[(prefix.Length + 1)..];
                    var bytes = Convert.FromHexString(hex);
                    if (bytes.Length != len) break;
                    hash = new PinnedHash(alg, bytes, false);
                    return true;
                }
                if (text.StartsWith(prefix + "-", StringComparison.Ordinal))
                {
                    var bytes = Convert.FromBase64String(text[(prefix.Length + 1)..]);
                    if (bytes.Length != len) break;
                    hash = new PinnedHash(alg, bytes, true);
                    return true;
                }
            }
            catch (FormatException) { break; }
        }
        error = $"'{text}' is not a pinned hash (expected sha512-<base64> or sha256:<64 hex digits>)";
        return false;
    }

    private static readonly (string Prefix, HashAlgorithmName Alg, int Length)[] Algorithms =
    [
        ("sha256", HashAlgorithmName.SHA256, 32),
        ("sha512", HashAlgorithmName.SHA512, 64),
    ];

    public string AlgorithmLabel => Algorithm == HashAlgorithmName.SHA512 ? "sha512" : "sha256";

    /// <summary>Lower-case hex of the digest: the cache's directory name.</summary>
    public string Hex => Convert.ToHexStringLower(Digest);

    public override string ToString() => Format(Digest);

    /// <summary>Prints another digest of the same algorithm in this hash's notation (for "expected … actual …").</summary>
    public string Format(byte[] digest) =>
        SriNotation ? $"{AlgorithmLabel}-{Convert.ToBase64String(digest)}" : $"{AlgorithmLabel}:{Convert.ToHexStringLower(digest)}";

    public bool Matches(byte[] digest) => CryptographicOperations.FixedTimeEquals(Digest, digest);

    public byte[] ComputeFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Compute(stream);
    }

    public byte[] Compute(Stream stream)
    {
        using var h = IncrementalHash.CreateHash(Algorithm);
        var buffer = new byte[1 << 20];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) h.AppendData(buffer, 0, n);
        return h.GetHashAndReset();
    }

    public bool Equals(PinnedHash? other) =>
        other is not null && other.Algorithm == Algorithm && Digest.AsSpan().SequenceEqual(other.Digest);

    public override int GetHashCode() => HashCode.Combine(Algorithm, BitConverter.ToInt32(Digest, 0));
}
