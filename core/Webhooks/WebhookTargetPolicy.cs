using System.Net;
using System.Net.Sockets;
using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Core.Webhooks;

/// <summary>
/// Which URLs and addresses webhooks may reach: https (http only when allowed), and no loopback, private, link-local,
/// unique-local, multicast or unspecified addresses unless <see cref="WebhookOptions.AllowPrivateTargets"/>. Checked
/// when a subscription is saved and again on the address actually connected to at delivery (so DNS changes and
/// rebinding cannot sneak past).
/// </summary>
public sealed class WebhookTargetPolicy(WebhookOptions options)
{
    public const string RefusedTarget = "refused_target";

    public DomainError? CheckUrl(string field, string? url, out Uri? uri)
    {
        uri = null;
        if (Validate.Text(field, url, 2000, out var text) is { } error)
        {
            return error;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.UserInfo.Length > 0 || parsed.Fragment.Length > 0)
        {
            return DomainError.Invalid(field, Validate.InvalidValue, $"'{field}' must be an absolute URL without credentials or fragment.");
        }

        if (parsed.Scheme != Uri.UriSchemeHttps && !(options.AllowHttp && parsed.Scheme == Uri.UriSchemeHttp))
        {
            return DomainError.Invalid(field, Validate.InvalidValue, $"'{field}' must use https.");
        }

        if (!options.AllowPrivateTargets)
        {
            if (parsed.IsLoopback || parsed.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(parsed.DnsSafeHost, out var literal) && !IsPublic(literal)))
            {
                return DomainError.Invalid(field, RefusedTarget, $"'{field}' points to a loopback, private or link-local address.");
            }
        }

        uri = parsed;
        return null;
    }

    /// <summary>Whether a delivery may connect to <paramref name="address"/>.</summary>
    public bool MayConnect(IPAddress address) => options.AllowPrivateTargets || IsPublic(address);

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                || b[0] >= 224);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC
                || IsIPv4Translation(b));
        }

        return false;
    }

    /// <summary>
    /// Ranges that carry an IPv4 address inside an IPv6 one, which a NAT64 or 6to4 gateway would reach: NAT64
    /// (64:ff9b::/96 and the local 64:ff9b:1::/48), 6to4 (2002::/16), Teredo (2001::/32) and the deprecated
    /// IPv4-compatible ::/96.
    /// Refused as a whole: a webhook receiver has no reason to be addressed that way.
    /// </summary>
    private static bool IsIPv4Translation(byte[] b) =>
        (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
        || (b[0] == 0x20 && b[1] == 0x02)
        || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00)
        || b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;
}
