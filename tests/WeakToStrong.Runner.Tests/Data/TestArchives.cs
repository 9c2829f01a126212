using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>Builds small .tgz archives in tests and computes their pins in both notations.</summary>
internal static class TestArchives
{
    public static byte[] TarGz(params (string Name, string Content)[] files) =>
        TarGz([.. files.Select(f => (f.Name, Encoding.UTF8.GetBytes(f.Content)))]);

    public static byte[] TarGz(params (string Name, byte[] Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) };
                tar.WriteEntry(entry);
            }
        }
        return buffer.ToArray();
    }

    public static string Sha256(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Sri512(byte[] bytes) => "sha512-" + Convert.ToBase64String(SHA512.HashData(bytes));
}
