using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Bot.Members;

/// <summary><c>/balance</c>: balance, tier, units this year and a progress bar to the next tier.</summary>
public sealed class BalanceHandler(MemberQueries members, TierLadder tiers) : IChatHandler
{
    private const int BarLength = 10;

    public IReadOnlyCollection<string> Commands { get; } = ["balance"];

    public string ButtonPrefix => "bal";

    public HandlerAccess Access => HandlerAccess.Personal;

    public Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        var texts = context.Texts;
        var profile = members.Profile(context.RequiredMember);
        var lines = new List<RichText>
        {
            RichText.Bold(texts.Format("Balance.Title", profile.Member.Name)),
            texts.Rich("Balance.Points", texts.Points(profile.Member.Balance)),
            texts.Rich("Balance.Tier", profile.Tier),
            texts.Rich("Balance.Units", texts.Quantity("Units", profile.UnitsThisYear)),
        };
        if (profile.NextTier is { } next)
        {
            var from = tiers.Tiers[tiers.RankOf(profile.Tier)].MinUnits;
            var to = from + (profile.UnitsThisYear - from) + next.UnitsNeeded;
            var percent = (int)Math.Floor(100m * (profile.UnitsThisYear - from) / Math.Max(1, to - from));
            lines.Add(texts.Rich("Balance.Progress", Bar(percent), percent, next.Name, texts.Quantity("Units", next.UnitsNeeded)));
        }
        else
        {
            lines.Add(RichText.Escape(texts["Balance.TopTier"]));
        }

        return Task.FromResult(context.Reply(RichText.Lines(lines), [[ChatButton.Choice(texts["Common.Menu"], "menu")]]));
    }

    /// <summary>«▓▓▓▓▓░░░░░» for 54 %.</summary>
    public static string Bar(int percent)
    {
        var filled = Math.Clamp((int)Math.Round(percent / 100m * BarLength, MidpointRounding.ToZero), 0, BarLength);
        return new string('▓', filled) + new string('░', BarLength - filled);
    }
}
