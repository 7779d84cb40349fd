using LoyaltyBot.Core.Rewards;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

/// <summary>
/// Keeps a reward in the catalog while a contest needs it: as a prize of a contest that is neither finished nor
/// cancelled (its announcements name the reward and its finish awards it), or as an award already given (the record of
/// what a winner is to be handed, like a redemption).
/// </summary>
internal sealed class ContestPrizeReferences : IRewardReferences
{
    public IReadOnlyList<string> HoldersOf(IDocumentStore store, string rewardId)
    {
        // Contests and awards are few (a contest has at most ContestValidator.MaxPrizes places): scanning is cheap.
        var contests = store.Set<Contest>();
        var holders = contests.Find(c => c.CancelledAt == null && c.FinishedAt == null)
            .Where(c => c.Prizes.Any(p => p.RewardId == rewardId))
            .Select(c => $"contest '{c.Id}' «{c.Title.Ru}» names it as a prize")
            .ToList();
        var awardedIn = store.Set<ContestAward>().Find(a => a.RewardId == rewardId).Select(a => a.ContestId).Distinct().ToArray();
        holders.AddRange(awardedIn.Select(id => $"contest '{id}' «{contests.Get(id)?.Title.Ru}» awarded it to a winner"));
        return holders;
    }
}
