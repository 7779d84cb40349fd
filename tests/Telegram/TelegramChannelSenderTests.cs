using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Bot.Telegram;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Telegram;

public sealed class TelegramChannelSenderTests
{
    private static ChatIdentity Recipient(long chatId) => new()
    {
        Id = $"telegram:{chatId}",
        Channel = "telegram",
        ChannelUserId = chatId.ToString(),
        ChatId = chatId.ToString(),
    };

    private static IChannelSender Sender(TelegramTestHost host) =>
        Assert.Single(host.Services.GetServices<IChannelSender>(), s => s.Channel == "telegram");

    [Fact]
    public async Task The_sender_is_registered_for_the_outbox_with_Telegram_limits()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());

        var sender = Sender(host);

        Assert.IsType<TelegramChannelSender>(sender);
        Assert.Equal(30, sender.Limits.MessagesPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(1), sender.Limits.MinIntervalPerChat);
    }

    [Fact]
    public async Task A_delivered_message_returns_the_Telegram_message_id()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());

        var result = await Sender(host).SendAsync(Recipient(284705193), ChatMessage.Plain("Начислено 150 баллов"), CancellationToken.None);

        var sent = Assert.IsType<DeliveryResult.Sent>(result);
        Assert.Equal("1", sent.MessageId);
        Assert.Equal("Начислено 150 баллов", Assert.Single(host.Telegram.CallsTo("sendMessage")).Parameter("text"));
    }

    [Fact]
    public async Task A_429_comes_back_as_RetryAfter_with_Telegrams_delay_and_is_not_retried_by_the_client()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());
        host.Telegram.FailNext("sendMessage", 1, 7);

        var result = await Sender(host).SendAsync(Recipient(284705193), ChatMessage.Plain("hi"), CancellationToken.None);

        Assert.Equal(new DeliveryResult.RetryAfter(TimeSpan.FromSeconds(7)), result);
        Assert.Single(host.Telegram.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task A_blocked_chat_is_Blocked_and_other_chats_still_get_their_messages()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());
        host.Telegram.BlockChat(111000111);
        var sender = Sender(host);

        var blocked = await sender.SendAsync(Recipient(111000111), ChatMessage.Plain("hi"), CancellationToken.None);
        var delivered = await sender.SendAsync(Recipient(222000222), ChatMessage.Plain("hi"), CancellationToken.None);

        Assert.IsType<DeliveryResult.Blocked>(blocked);
        Assert.IsType<DeliveryResult.Sent>(delivered);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(500)]
    public async Task A_server_error_is_Transient(int status)
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());
        host.Telegram.FailNextWith("sendMessage", 1, status);

        var result = await Sender(host).SendAsync(Recipient(284705193), ChatMessage.Plain("hi"), CancellationToken.None);

        Assert.IsType<DeliveryResult.Transient>(result);
    }

    [Fact]
    public async Task A_message_Telegram_refuses_is_Rejected()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());
        host.Telegram.FailNextWith("sendMessage", 1, 400);

        var result = await Sender(host).SendAsync(Recipient(284705193), ChatMessage.Plain("hi"), CancellationToken.None);

        Assert.IsType<DeliveryResult.Rejected>(result);
    }

    [Fact]
    public async Task An_unreachable_Bot_API_is_Transient()
    {
        await using var host = await TelegramTestHost.StartAsync(
            engine: ScriptedEngine.Echo(),
            settings: new Dictionary<string, string?> { ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9" });

        var result = await Sender(host).SendAsync(Recipient(284705193), ChatMessage.Plain("hi"), CancellationToken.None);

        Assert.IsType<DeliveryResult.Transient>(result);
    }
}
