using System.Net;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Teams;

public sealed class TeamsConfigurationTests
{
    [Fact]
    public async Task Without_an_app_id_the_messaging_endpoint_is_not_mapped_and_no_teams_sender_runs()
    {
        using var folder = new TempFolder();
        await using var api = new ApiFactory(folder.File("loyalty.db"));

        var response = await api.CreateClient().PostAsync("/api/messages", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(api.Services.GetServices<IChannelSender>(), s => s.Channel == "teams");
    }

    [Fact]
    public void The_teams_channel_sends_at_most_50_requests_a_second_and_7_messages_a_second_to_one_conversation()
    {
        var limits = new Bot.Teams.TeamsChannelSender(null!, null!, new Bot.Teams.TeamsOptions(), null!).Limits;

        Assert.Equal(50, limits.MessagesPerSecond);
        Assert.True(limits.MinIntervalPerChat >= TimeSpan.FromSeconds(1.0 / 7));
    }
}
