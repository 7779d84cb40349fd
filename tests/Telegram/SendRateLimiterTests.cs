using System.Diagnostics;
using LoyaltyBot.Tests.Fakes.Telegram;

namespace LoyaltyBot.Tests.Telegram;

public sealed class SendRateLimiterTests
{
    private static readonly long Second = Stopwatch.Frequency;

    [Fact]
    public void The_fake_refuses_a_31st_send_in_any_second_and_takes_it_once_the_first_has_left_the_window()
    {
        var limiter = new SendRateLimiter(30, 1);
        for (var i = 0; i < 30; i++)
        {
            Assert.True(limiter.TryAcquire(i, i * Second / 30));
        }

        Assert.False(limiter.TryAcquire(100, Second - 1));
        Assert.True(limiter.TryAcquire(101, Second));
    }

    [Fact]
    public void A_send_handled_late_counts_at_its_arrival_in_every_window_it_falls_in()
    {
        var limiter = new SendRateLimiter(3, 1);
        Assert.True(limiter.TryAcquire(1, 0));
        Assert.True(limiter.TryAcquire(2, Second / 2));
        Assert.True(limiter.TryAcquire(3, Second * 3 / 4));

        // Arrived before the third but handled after it: the window [0, 1 s) would hold four.
        Assert.False(limiter.TryAcquire(4, Second * 2 / 3));
        Assert.True(limiter.TryAcquire(5, Second + 1));
    }
}
