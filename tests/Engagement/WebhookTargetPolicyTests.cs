using System.Net;
using LoyaltyBot.Core.Webhooks;

namespace LoyaltyBot.Tests.Engagement;

public sealed class WebhookTargetPolicyTests
{
    [Theory]
    [InlineData("93.184.215.14", true)]
    [InlineData("2a00:1450:4010:c05::64", true)]
    [InlineData("64:ff9b::5db8:d70e", false)] // NAT64 of a public address: refused as a range
    [InlineData("64:ff9b:1::a00:1", false)]
    [InlineData("2002:5db8:d70e::1", false)]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", false)] // Teredo
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("::7f00:1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("fd12::1", false)]
    public void Only_public_addresses_outside_the_ipv4_translation_ranges_may_be_connected_to(string address, bool isPublic) =>
        Assert.Equal(isPublic, WebhookTargetPolicy.IsPublic(IPAddress.Parse(address)));
}
