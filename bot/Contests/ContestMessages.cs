using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Localization;

namespace LoyaltyBot.Bot.Contests;

/// <summary>
/// The contest's messages in the reader's language: the <c>/top</c> standings and the proactive announcements.
/// Names of members and contests are escaped; only the resources carry markup.
/// </summary>
public sealed class ContestMessages(PrizeRewards rewards) : IContestMessages
{
    public const string TopPayload = "top";

    public ChatMessage Top(Texts texts, IReadOnlyList<ContestStandings> contests, DateTimeOffset now)
    {
        if (contests.Count == 0)
        {
            return new ChatMessage { Text = RichText.Escape(texts["Contests.Top.Empty"]), Buttons = [[Menu(texts)]] };
        }

        var blocks = new List<RichText>();
        foreach (var standings in contests)
        {
            if (blocks.Count > 0)
            {
                blocks.Add(RichText.Empty);
            }

            var contest = standings.Contest;
            blocks.Add(texts.Rich("Contests.Title", contest.Title.In(texts.Language)));
            blocks.Add(texts.Rich("Contests.Facts",
                ContestPhrases.Metric(texts, contest.Metric),
                texts.Quantity("Contests.Participants", standings.Participants),
                ContestPhrases.TimeLeft(texts, contest.TimeLeftAt(now))));
            blocks.Add(RichText.Empty);
            blocks.AddRange(StandingsLines(texts, standings));
        }

        return new ChatMessage { Text = RichText.Lines(blocks), Buttons = [[Menu(texts)]] };
    }

    public ChatMessage Started(Texts texts, ContestStandings standings, DateTimeOffset now)
    {
        var contest = standings.Contest;
        var lines = new List<RichText>
        {
            texts.Rich("Contests.Announcement.Started", contest.Title.In(texts.Language)),
            RichText.Escape(contest.Description.In(texts.Language)),
            RichText.Empty,
            texts.Rich("Contests.Facts",
                ContestPhrases.Metric(texts, contest.Metric),
                texts.Quantity("Contests.Participants", standings.Participants),
                ContestPhrases.TimeLeft(texts, contest.TimeLeftAt(now))),
            texts.Rich("Contests.Ends", ContestPhrases.LocalTime(texts, contest, contest.EndsAt), ContestPhrases.Offset(contest, contest.EndsAt)),
        };
        if (contest.Prizes.Count > 0)
        {
            lines.Add(RichText.Empty);
            lines.Add(texts.Rich("Contests.Prizes"));
            lines.AddRange(contest.Prizes.Select(p =>
                texts.Rich("Contests.Prize.Item", ContestPhrases.Ordinal(texts, p.Place), ContestPhrases.Prize(texts, p.Points, RewardName(texts, p.RewardId)))));
        }

        if (standings.Participants > 0)
        {
            lines.Add(RichText.Empty);
            lines.AddRange(StandingsLines(texts, standings));
        }

        return Announcement(texts, lines);
    }

    public ChatMessage Reminder(Texts texts, ContestStandings standings, DateTimeOffset now)
    {
        var contest = standings.Contest;
        var lines = new List<RichText>
        {
            texts.Rich("Contests.Announcement.Reminder", contest.Title.In(texts.Language), ContestPhrases.TimeLeft(texts, contest.TimeLeftAt(now))),
            RichText.Empty,
        };
        lines.AddRange(StandingsLines(texts, standings));
        return Announcement(texts, lines);
    }

    public ChatMessage Final(Texts texts, ContestStandings standings)
    {
        var contest = standings.Contest;
        var lines = new List<RichText> { texts.Rich("Contests.Final.Title", contest.Title.In(texts.Language)) };
        lines.AddRange(standings.Top.Select(line => Row(texts, contest, line, line.MemberId == standings.Me?.MemberId)));
        lines.Add(RichText.Empty);
        lines.Add(standings.Me is { } me
            ? texts.Rich("Contests.Final.Mine", ContestPhrases.Ordinal(texts, me.Place), ContestPhrases.Score(texts, contest.Metric, me.Score))
            : texts.Rich("Contests.Final.None"));
        return new ChatMessage { Text = RichText.Lines(lines) };
    }

    public ChatMessage Winner(Texts texts, Contest contest, ContestAward award)
    {
        var prize = (award.Points > 0, RewardName(texts, award.RewardId)) switch
        {
            (true, { } reward) => $"{texts.Format("Contests.Winner.Points", texts.Points(award.Points))}; {texts.Format("Contests.Winner.Reward", reward)}",
            (false, { } reward) => texts.Format("Contests.Winner.Reward", reward),
            _ => texts.Format("Contests.Winner.Points", texts.Points(award.Points)),
        };
        return new ChatMessage
        {
            Text = texts.Rich("Contests.Winner",
                ContestPhrases.Ordinal(texts, award.Place),
                contest.Title.In(texts.Language),
                ContestPhrases.Score(texts, contest.Metric, award.Score),
                prize),
        };
    }

    public ChatMessage Cancelled(Texts texts, Contest contest) =>
        new() { Text = texts.Rich("Contests.Cancelled", contest.Title.In(texts.Language)) };

    /// <summary>The top rows, the member's own row below them when it is not among them, and their place and gap.</summary>
    public static IReadOnlyList<RichText> StandingsLines(Texts texts, ContestStandings standings)
    {
        var contest = standings.Contest;
        if (standings.Participants == 0)
        {
            return [RichText.Escape(texts["Contests.NoScores"])];
        }

        var lines = standings.Top.Select(line => Row(texts, contest, line, line.MemberId == standings.Me?.MemberId)).ToList();
        if (standings.Me is { } me && !standings.MeInTop)
        {
            if (me.Place > standings.Top.Count + 1)
            {
                lines.Add(RichText.Escape(texts["Contests.Row.Skip"]));
            }

            lines.Add(Row(texts, contest, me, mine: true));
        }

        lines.Add(RichText.Empty);
        lines.Add(Place(texts, standings));
        return lines;
    }

    /// <summary>
    /// «Вы на 7-м месте, отставание от 5-го места — 120 баллов»: the gap itself, not "120 to 5th place", because ties
    /// go to whoever reached the score first, so drawing level is not enough to take the place (and points, with
    /// fractional earning rates, have no smallest step to add). A tie has its own words.
    /// </summary>
    public static RichText Place(Texts texts, ContestStandings standings)
    {
        var metric = standings.Contest.Metric;
        return (standings.Me, standings.Gap) switch
        {
            (_, null) => texts.Rich("Contests.Place.Leader"),
            (null, { } gap) => texts.Rich("Contests.Place.None", ContestPhrases.Ordinal(texts, gap.Place), ContestPhrases.Score(texts, metric, gap.Amount)),
            ({ } me, { Amount: 0 } gap) => texts.Rich("Contests.Place.Level", ContestPhrases.Ordinal(texts, me.Place), ContestPhrases.Ordinal(texts, gap.Place)),
            ({ } me, { } gap) => texts.Rich("Contests.Place.Behind",
                ContestPhrases.Ordinal(texts, me.Place), ContestPhrases.Ordinal(texts, gap.Place), ContestPhrases.Score(texts, metric, gap.Amount)),
        };
    }

    private static RichText Row(Texts texts, Contest contest, StandingLine line, bool mine)
    {
        var row = texts.Rich(mine ? "Contests.Row.Mine" : "Contests.Row", line.Place, line.Name, ContestPhrases.Score(texts, contest.Metric, line.Score));
        return mine ? new RichText($"<b>{row.Html}</b>") : row;
    }

    /// <summary>The name of a prize's reward in the reader's language, not its id.</summary>
    private string? RewardName(Texts texts, string? rewardId) => rewardId is null ? null : rewards.NameOf(rewardId, texts.Language);

    private static ChatMessage Announcement(Texts texts, IReadOnlyList<RichText> lines) => new()
    {
        Text = RichText.Lines(lines),
        Buttons = [[ChatButton.Choice(texts["Contests.Button.Top"], TopPayload)]],
    };

    private static ChatButton Menu(Texts texts) => ChatButton.Choice(texts["Common.Menu"], "menu");
}
