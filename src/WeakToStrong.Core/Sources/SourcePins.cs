using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace WeakToStrong.Core.Sources;

/// <summary>
/// What a pinned source may name, checked the same way when a manifest is validated (dotnet build, Plan) and when the
/// source is fetched: registry names at exact versions only, since npm and apt take NAME@VERSION / NAME=VERSION as they
/// come and anything else (file:, http:, git URLs, tarballs, ranges, tags) would make them read elsewhere; and url
/// sources that reach public unicast addresses only.
/// </summary>
public static partial class SourcePins
{
    public static bool IsNpmName(string name) => NpmName().IsMatch(name);
    public static bool IsNpmVersion(string version) => NpmVersion().IsMatch(version);
    public static bool IsDebName(string name) => DebName().IsMatch(name);
    public static bool IsDebVersion(string version) => DebVersion().IsMatch(version);

    /// <summary>
    /// Why <paramref name="address"/> is refused ("loopback", "private", …), or null when it is public. Loopback,
    /// private, link-local (cloud metadata lives at 169.254.169.254), carrier-grade NAT, unspecified and multicast
    /// addresses are refused, so that a manifest cannot make a run read from this machine or its network.
    /// </summary>
    public static string? AddressRefusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return "loopback";
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 => "unspecified",
                10 => "private",
                100 when b[1] is >= 64 and < 128 => "shared (carrier-grade NAT)",
                169 when b[1] == 254 => "link-local",
                172 when b[1] is >= 16 and < 32 => "private",
                192 when b[1] == 168 => "private",
                >= 224 => "multicast or reserved",
                _ => null,
            };
        }
        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)) return "unspecified";
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal) return "link-local";
        if (address.IsIPv6Multicast) return "multicast";
        if ((address.GetAddressBytes()[0] & 0xfe) == 0xfc) return "private (unique local)";
        return null;
    }

    /// <summary>Why a url source's host is refused before any lookup (localhost, or an address literal that is not
    /// public), or null. A name that resolves to such an address is refused at connect time, after DNS.</summary>
    public static string? HostRefusal(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return "loopback";
        return IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? AddressRefusal(literal) : null;
    }

    // npm's rules for new package names: lower case, URL-safe, optionally @scope/; at most 214 characters.
    [GeneratedRegex(@"^(?=.{1,214}$)(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$")]
    private static partial Regex NpmName();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex NpmVersion();

    // Debian Policy §5.6.1 and §5.6.12.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9+.-]+$")]
    private static partial Regex DebName();

    [GeneratedRegex(@"^([0-9]+:)?[0-9][A-Za-z0-9.+~-]*$")]
    private static partial Regex DebVersion();
}
