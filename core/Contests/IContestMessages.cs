using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Localization;

namespace LoyaltyBot.Core.Contests;

/// <summary>
/// The contest's proactive messages, each written for one member in their language. The chat front end provides
/// them (<c>AddContestChat</c>); the use cases put them into the delivery outbox.
/// </summary>
public interface IContestMessages
{
    /// <summary>The contest has started: what counts, until when, the prizes, the standings so far.</summary>
    ChatMessage Started(Texts texts, ContestStandings standings, DateTimeOffset now);

    /// <summary>A scheduled reminder: the top five, the member's place and gap, the time left.</summary>
    ChatMessage Reminder(Texts texts, ContestStandings standings, DateTimeOffset now);

    /// <summary>The final standings, to everyone in the audience.</summary>
    ChatMessage Final(Texts texts, ContestStandings standings);

    /// <summary>Congratulations to a winner, with the prize.</summary>
    ChatMessage Winner(Texts texts, Contest contest, ContestAward award);

    ChatMessage Cancelled(Texts texts, Contest contest);
}
