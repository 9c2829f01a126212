using System.Net;
using System.Net.Sockets;

namespace WeakToStrong.Data.Sources;

/// <summary>
/// Which addresses a url source may reach: public unicast only. Loopback, private, link-local (cloud metadata lives at
/// 169.254.169.254), carrier-grade NAT, unspecified and multicast addresses are refused, so that a manifest cannot make
/// a run read from this machine or its network.
/// </summary>
public static class AddressPolicy
{
    /// <summary>Why <paramref name="address"/> is refused ("loopback", "private", …), or null when it is public.</summary>
    public static string? Refusal(IPAddress address)
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
}

/// <summary>A connection refused by <see cref="AddressPolicy"/>; the url source reports it as one line.</summary>
public sealed class RefusedAddressException(string message) : IOException(message);
