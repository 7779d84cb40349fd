using System.Net;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Bot.Teams;

namespace LoyaltyBot.Tests.Teams;

public sealed class TeamsProtocolTests
{
    [Fact]
    public void Every_captured_activity_parses_whether_or_not_it_starts_with_a_byte_order_mark()
    {
        Assert.Equal(3, TeamsFixtures.Activities.Count(f => TeamsFixtures.HasBom(TeamsFixtures.Read(f))));
        foreach (var fixture in TeamsFixtures.Activities)
        {
            var activity = TeamsActivity.Parse(TeamsFixtures.Read(fixture));
            Assert.NotNull(activity);
            Assert.Equal("msteams", activity.ChannelId);
            Assert.False(string.IsNullOrEmpty(activity.ServiceUrl), fixture);
        }
    }

    [Fact]
    public void The_bot_mention_is_stripped_and_other_mentions_keep_their_names()
    {
        var activity = TeamsActivity.Parse(TeamsFixtures.Read("message_channel_two_bot_mentions_2017.json"))!;

        Assert.False(activity.IsPersonal);
        Assert.Equal("Test Bot 1 TestMessage", TeamsActivityHandler.WithoutMentions(activity));
    }

    [Fact]
    public void Conversation_kind_tenant_and_locale_are_read_from_old_and_new_activities()
    {
        var personal = TeamsActivity.Parse(TeamsFixtures.Read("message_personal_with_aadObjectId_2018.json"))!;
        var channel = TeamsActivity.Parse(TeamsFixtures.Read("message_channel_bot_mention_reply_in_thread_2025.json"))!;

        Assert.True(personal.IsPersonal);
        Assert.Equal("09e852a2-4575-45f7-9586-7cc3acfdc715", personal.TenantId);
        Assert.Equal("en-US", personal.LanguageHint);
        Assert.False(channel.IsPersonal);
        Assert.Equal("50612dbb-0237-4969-b378-8d42590f9c00", channel.TenantId);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://europe.botframework.com/", true)]
    [InlineData("https://a.b.teams.microsoft.com/x/", true)]
    [InlineData("https://botframework.com/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/", false)]
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://user@smba.trafficmanager.net/", false)]
    [InlineData("not a url", false)]
    public void Only_https_service_urls_on_the_default_allow_list_are_accepted(string serviceUrl, bool allowed) =>
        Assert.Equal(allowed, new ServiceUrlPolicy(new TeamsOptions()).Allowed(serviceUrl) is not null);

    [Theory]
    [InlineData("http://127.0.0.1:5000/", true)]
    [InlineData("http://localhost:5000/", true)]
    [InlineData("http://10.0.0.5/", false)]
    public void Plain_http_is_accepted_only_for_loopback_hosts(string serviceUrl, bool allowed)
    {
        var policy = new ServiceUrlPolicy(new TeamsOptions { AllowedServiceHosts = ["127.0.0.1", "localhost", "10.0.0.5"] });

        Assert.Equal(allowed, policy.Allowed(serviceUrl) is not null);
    }

    [Fact]
    public void Configured_endpoints_must_be_https_unless_on_loopback()
    {
        Assert.Throws<InvalidOperationException>(() => ServiceUrlPolicy.RequireSecureOrLoopback("http://login.example.com/token", "Teams:TokenEndpoint"));
        Assert.NotNull(ServiceUrlPolicy.RequireSecureOrLoopback("http://127.0.0.1:1234/token", "Teams:TokenEndpoint"));
    }

    [Fact]
    public void The_token_endpoint_defaults_to_the_multi_tenant_bot_framework_tenant()
    {
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", new TeamsOptions().EffectiveTokenEndpoint);
        Assert.Equal("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
            new TeamsOptions { TenantId = "contoso.onmicrosoft.com" }.EffectiveTokenEndpoint);
    }

    [Fact]
    public void A_429_whose_retry_after_is_zero_or_already_past_still_waits_a_second()
    {
        Assert.Equal(new DeliveryResult.RetryAfter(TimeSpan.FromSeconds(1)),
            TeamsChannelSender.Outcome(new ConnectorResponse(HttpStatusCode.TooManyRequests, RetryAfter: TimeSpan.Zero)));
    }

    [Fact]
    public void Connector_answers_map_to_delivery_results()
    {
        Assert.IsType<DeliveryResult.Sent>(TeamsChannelSender.Outcome(new ConnectorResponse(HttpStatusCode.Created, "1")));
        Assert.Equal(new DeliveryResult.RetryAfter(TimeSpan.FromSeconds(3)),
            TeamsChannelSender.Outcome(new ConnectorResponse(HttpStatusCode.TooManyRequests, RetryAfter: TimeSpan.FromSeconds(3))));
        Assert.IsType<DeliveryResult.Transient>(TeamsChannelSender.Outcome(new ConnectorResponse(HttpStatusCode.TooManyRequests)));
        Assert.IsType<DeliveryResult.Blocked>(TeamsChannelSender.Outcome(new ConnectorResponse(HttpStatusCode.Forbidden, ErrorCode: "MessageWritesBlocked")));
        Assert.IsType<DeliveryResult.Rejected>(TeamsChannelSender.Outcome(new ConnectorResponse(HttpStatusCode.Forbidden, ErrorCode: "BotNotInConversationRoster")));
        foreach (var status in new[] { HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout })
        {
            Assert.IsType<DeliveryResult.Transient>(TeamsChannelSender.Outcome(new ConnectorResponse(status)));
        }

        Assert.IsType<DeliveryResult.Rejected>(TeamsChannelSender.Outcome(new ConnectorResponse(HttpStatusCode.BadRequest)));
    }
}
