using LoyaltyBot.Api.Telegram;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Bot.Telegram;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace LoyaltyBot.Tests.Telegram;

public sealed class TelegramAdapterUnitTests
{
    [Theory]
    [InlineData("/balance", "loyalty_bot", "/balance")]
    [InlineData("/balance@loyalty_bot", "loyalty_bot", "/balance")]
    [InlineData("/start@Loyalty_Bot join_ABC", "loyalty_bot", "/start join_ABC")]
    [InlineData("/random@rgen_bot 20 30", "loyalty_bot", null)]
    [InlineData("/balance@loyalty_bot", null, null)]
    [InlineData("hello @loyalty_bot", "loyalty_bot", "hello @loyalty_bot")]
    public void Only_our_own_bot_suffix_is_stripped_from_a_command(string text, string? username, string? expected) =>
        Assert.Equal(expected, TelegramUpdateDispatcher.AddressedCommand(text, username));

    [Fact]
    public void A_short_text_is_one_part()
    {
        Assert.Equal(["<b>hi</b>\nthere"], TelegramTextSplitter.Split("<b>hi</b>\nthere"));
    }

    [Fact]
    public void Text_is_split_on_line_boundaries_within_the_limit()
    {
        var lines = Enumerable.Range(0, 10).Select(i => $"<b>{i}</b> " + new string('x', 20)).ToArray();
        var html = string.Join("\n", lines);

        var parts = TelegramTextSplitter.Split(html, 64);

        Assert.All(parts, p => Assert.True(p.Length <= 64));
        Assert.Equal(html, string.Join("\n", parts));
        Assert.All(parts, p => Assert.All(p.Split('\n'), line => Assert.Contains(line, lines)));
    }

    [Fact]
    public void A_single_overlong_line_is_cut_outside_tags_entities_and_surrogate_pairs()
    {
        var line = string.Concat(Enumerable.Repeat("ab&amp;<b>cd</b>😎", 20));

        var parts = TelegramTextSplitter.Split(line, 20);

        Assert.Equal(line, string.Concat(parts));
        Assert.All(parts, p =>
        {
            Assert.True(p.Length <= 20);
            Assert.False(char.IsHighSurrogate(p[^1]));
            Assert.Equal(p.Count(c => c == '<'), p.Count(c => c == '>'));
            Assert.Equal(p.Count(c => c == '&'), p.Count(c => c == ';'));
        });
    }

    [Theory]
    [InlineData("webhook_S3cret-0123", "webhook_S3cret-0123", true)]
    [InlineData("webhook_S3cret-0123", "webhook_S3cret-0124", false)]
    [InlineData("webhook_S3cret-0123", "webhook_S3cret-012", false)]
    [InlineData("webhook_S3cret-0123", "", false)]
    [InlineData("webhook_S3cret-0123", null, false)]
    [InlineData(null, "", false)]
    [InlineData("", "", false)]
    public void The_webhook_secret_must_match_exactly_and_must_be_configured(string? configured, string? presented, bool matches) =>
        Assert.Equal(matches, TelegramEndpoints.SecretMatches(configured, presented));

    [Fact]
    public void Telegram_errors_map_to_delivery_results()
    {
        Assert.Equal(
            new DeliveryResult.RetryAfter(TimeSpan.FromSeconds(12)),
            TelegramErrors.ToDeliveryResult(new ApiRequestException("Too Many Requests: retry after 12", 429, new ResponseParameters { RetryAfter = 12 })));
        Assert.IsType<DeliveryResult.Blocked>(TelegramErrors.ToDeliveryResult(new ApiRequestException("Forbidden: user is deactivated", 403)));
        Assert.IsType<DeliveryResult.Rejected>(TelegramErrors.ToDeliveryResult(new ApiRequestException("Bad Request: chat not found", 400)));
        Assert.IsType<DeliveryResult.Transient>(TelegramErrors.ToDeliveryResult(new ApiRequestException("Bad Gateway", 502)));
        Assert.IsType<DeliveryResult.Transient>(TelegramErrors.ToDeliveryResult(new RequestException("Bot API Request timed out")));
    }

    [Fact]
    public void An_edit_that_changes_nothing_counts_as_done()
    {
        Assert.True(TelegramErrors.IsNotModified(new ApiRequestException(
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message", 400)));
        Assert.False(TelegramErrors.IsNotModified(new ApiRequestException("Bad Request: message to edit not found", 400)));
    }

    [Fact]
    public void Backoff_doubles_up_to_30_seconds()
    {
        Assert.Equal([1, 2, 4, 8, 16, 30, 30], Enumerable.Range(1, 7).Select(n => TelegramBackoff.After(n).TotalSeconds));
    }
}
