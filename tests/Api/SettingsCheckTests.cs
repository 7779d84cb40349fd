using LoyaltyBot.Core.Hosting;
using Microsoft.Extensions.Configuration;

namespace LoyaltyBot.Tests.Api;

public sealed class SettingsCheckTests
{
    [Fact]
    public void The_shipped_settings_and_no_settings_pass()
    {
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();

        Assert.Empty(SettingsCheck.Problems(shipped));
        Assert.Empty(SettingsCheck.Problems(Settings()));
    }

    [Theory]
    [InlineData("Expiry:Months", "0", "Expiry:Months must be between 1 and 1200 (months), not 0.")]
    [InlineData("Expiry:Months", "-3", "Expiry:Months must be between 1 and 1200 (months), not -3.")]
    [InlineData("Joining:MaxFailuresPerHour", "0", "Joining:MaxFailuresPerHour must be at least 1 (attempts), not 0.")]
    [InlineData("Joining:CodeLifetimeDays", "-5", "Joining:CodeLifetimeDays must be between 1 and 3650 (days), not -5.")]
    [InlineData("Outbox:PollMilliseconds", "0", "Outbox:PollMilliseconds must be at least 10 (milliseconds), not 0.")]
    [InlineData("Storage:CheckpointPages", "abc", "Storage:CheckpointPages must be a whole number of pages, not 'abc'.")]
    [InlineData("Api:MaxRequestBodyBytes", "-1", "Api:MaxRequestBodyBytes must be at least 1024 (bytes), not -1.")]
    [InlineData("Program:YearStartMonth", "13", "Program:YearStartMonth must be between 1 and 12 (a month), not 13.")]
    [InlineData("Expiry:Mode", "foo", "Expiry:Mode must be one of never, monthsAfterEarning, endOfFollowingYear, not 'foo'.")]
    [InlineData("Program:TimeZone", "Mars/Olympus", "Program:TimeZone must be a time zone id such as Europe/Moscow or Europe/Kyiv, not 'Mars/Olympus'.")]
    public void A_wrong_setting_is_named_with_what_it_must_be(string key, string value, string problem) =>
        Assert.Equal([problem], SettingsCheck.Problems(Settings((key, value))));

    [Fact]
    public void Zero_turns_off_what_is_documented_as_off_and_every_wrong_key_is_listed()
    {
        Assert.Empty(SettingsCheck.Problems(Settings(("Expiry:PollSeconds", "0"), ("RateLimits:Chat:MessagesPerMinute", "0"), ("Expiry:Mode", "MonthsAfterEarning"))));
        Assert.Equal(2, SettingsCheck.Problems(Settings(("Expiry:Months", "0"), ("Outbox:MaxAttempts", "0"))).Count);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
