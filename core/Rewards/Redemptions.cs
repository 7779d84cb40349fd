using LoyaltyBot.Core.Achievements;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Core.Webhooks;

namespace LoyaltyBot.Core.Rewards;

/// <summary>
/// Redeeming rewards and moving redemptions on. Each operation is one write: the checks and every change
/// (points, stock, the redemption, the member's notification) commit together or not at all, so racing
/// requests can never overspend a balance or sell stock that is not there.
/// </summary>
public sealed class Redemptions(
    IStoreWriter writer,
    PointsLedger ledger,
    RewardRules rules,
    MemberQueries members,
    RedemptionNotices notices,
    TimeProvider time,
    AchievementTracker? achievements = null,
    WebhookOutbox? webhooks = null)
{
    public const int MaxKeyLength = 128;
    public const int MaxVoucherLength = 200;
    public const int MaxTextLength = 1000;

    /// <summary>An integration redeems for a member by external id; the same idempotency key returns the same redemption.</summary>
    public Task<Result<RedemptionReceipt>> RedeemForAsync(
        string externalId, string? rewardId, string? idempotencyKey, string actor, CancellationToken cancellationToken)
    {
        var error = CheckRequest(rewardId, idempotencyKey, out var reward, out var key);
        if (error is not null)
        {
            return Task.FromResult<Result<RedemptionReceipt>>(error);
        }

        return writer.WriteAsync(store =>
        {
            var member = store.Set<Member>().FindOne(m => m.ExternalId == externalId);
            return member is null
                ? MemberErrors.Unknown(externalId)
                : Redeem(store, member.Id, reward, $"api:{key}", actor, answeredInIdentity: null, confirmedCost: null);
        }, cancellationToken);
    }

    /// <summary>A member redeems from a chat, at the price they confirmed; a repeated confirmation returns the same redemption.</summary>
    public Task<Result<RedemptionReceipt>> RedeemInChatAsync(ChatRedemptionRequest request, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            store => Redeem(store, request.MemberId, request.RewardId, $"chat:{request.RequestKey}", request.Actor, request.IdentityId, request.ConfirmedCost),
            cancellationToken);

    /// <summary>Pending → fulfilled, with an optional voucher code and message for the member.</summary>
    public Task<Result<RedemptionUpdate>> ApproveAsync(
        string id, string? voucher, string? message, string actor, CancellationToken cancellationToken)
    {
        var voucherError = Validate.OptionalText("voucher", voucher, MaxVoucherLength, out var checkedVoucher);
        var messageError = Validate.OptionalText("message", message, MaxTextLength, out var checkedMessage);
        if ((voucherError ?? messageError) is { } error)
        {
            return Task.FromResult<Result<RedemptionUpdate>>(error);
        }

        var fulfilledVoucher = checkedVoucher.Length > 0 ? checkedVoucher : null;
        var fulfilledMessage = checkedMessage.Length > 0 ? checkedMessage : null;
        return writer.WriteAsync(
            store => Move(store, id, RedemptionStatus.Fulfilled, actor, fulfilledMessage ?? fulfilledVoucher, null,
                current => current with { Voucher = fulfilledVoucher, Message = fulfilledMessage }),
            cancellationToken);
    }

    /// <summary>Pending → rejected: points refunded and the unit back in stock, once, however often it is called.</summary>
    public Task<Result<RedemptionUpdate>> RejectAsync(string id, string? reason, string actor, CancellationToken cancellationToken)
    {
        if (Validate.Text("reason", reason, MaxTextLength, out var checkedReason) is { } error)
        {
            return Task.FromResult<Result<RedemptionUpdate>>(error);
        }

        return writer.WriteAsync(
            store => Move(store, id, RedemptionStatus.Rejected, actor, checkedReason, null, current => current with { RejectReason = checkedReason }),
            cancellationToken);
    }

    /// <summary>The member withdraws their own pending redemption: points refunded and the unit back in stock.</summary>
    public Task<Result<RedemptionUpdate>> CancelAsync(
        string memberId, string id, string? identityId, string actor, CancellationToken cancellationToken) =>
        writer.WriteAsync(store =>
        {
            var redemption = store.Set<Redemption>().Get(id);
            return redemption is null || redemption.MemberId != memberId
                ? RewardErrors.RedemptionNotFound(id)
                : Move(store, id, RedemptionStatus.Cancelled, actor, null, identityId, current => current);
        }, cancellationToken);

    private Result<RedemptionReceipt> Redeem(
        IDocumentStore store, string memberId, string rewardId, string source, string actor, string? answeredInIdentity, decimal? confirmedCost)
    {
        var requestKey = $"{memberId}:{source}";
        var redemptions = store.Set<Redemption>();
        var member = store.Set<Member>().Get(memberId) ?? throw new InvalidOperationException($"Member {memberId} does not exist.");
        var replay = redemptions.FindOne(r => r.RequestKey == requestKey);
        if (replay is not null)
        {
            return replay.RewardId == rewardId
                ? new RedemptionReceipt(replay, member.Balance, Replayed: true)
                : RewardErrors.IdempotencyConflict(source[(source.IndexOf(':') + 1)..]);
        }

        if (member.Status == MemberStatus.Blocked)
        {
            return MemberErrors.Blocked(member.ExternalId);
        }

        var rewards = store.Set<Reward>();
        var reward = rewards.Get(rewardId);
        if (reward is null)
        {
            return RewardErrors.RewardNotFound(rewardId);
        }

        var now = time.GetUtcNow();
        var tier = members.Profile(member).Tier;
        var held = redemptions.Find(r => r.MemberId == member.Id && r.RewardId == reward.Id).Count(r => RewardRules.Holds(r.Status));
        var obstacle = rules.ObstacleFor(reward, tier, member.Balance, held, now);
        if (obstacle is not null)
        {
            return obstacle switch
            {
                RewardObstacle.Inactive => RewardErrors.RewardNotFound(rewardId),
                RewardObstacle.NotAvailable => RewardErrors.NotAvailable(rewardId),
                RewardObstacle.TierTooLow => RewardErrors.TierTooLow(reward.MinTier!, tier),
                RewardObstacle.LimitReached => RewardErrors.LimitReached(reward.PerMemberLimit ?? 0),
                RewardObstacle.OutOfStock => RewardErrors.OutOfStock(rewardId),
                _ => RewardErrors.InsufficientPoints(member.Balance, reward.CostPoints),
            };
        }

        if (confirmedCost is { } confirmed && confirmed != reward.CostPoints)
        {
            return RewardErrors.PriceChanged(reward.CostPoints);
        }

        var id = StoreIds.New();
        var sourceRef = Redemption.SourceRefOf(id);
        var debit = ledger.Append(store, new LedgerPosting(
            member.Id, LedgerEntryKind.Redemption, -reward.CostPoints, $"Reward: {reward.Name.Ru}", sourceRef, $"redeem:{requestKey}", actor));
        if (!debit.IsSuccess)
        {
            // Only reachable if the balance check above and the ledger disagree; the ledger wrote nothing.
            return RewardErrors.InsufficientPoints(member.Balance, reward.CostPoints);
        }

        rewards.Update(reward with { Stock = reward.Stock - 1, TimesRedeemed = reward.TimesRedeemed + 1, Version = reward.Version + 1 });
        var redemption = new Redemption
        {
            Id = id,
            MemberId = member.Id,
            MemberExternalId = member.ExternalId,
            RewardId = reward.Id,
            RewardName = reward.Name,
            CostPoints = reward.CostPoints,
            Status = RedemptionStatus.Pending,
            RequestKey = requestKey,
            CreatedAt = now,
            UpdatedAt = now,
            History = [new RedemptionStatusChange { Status = RedemptionStatus.Pending, At = now, Actor = actor }],
        };
        redemptions.Insert(redemption);
        var balance = debit.Value.Entry.BalanceAfter;
        notices.Enqueue(store, redemption, balance, answeredInIdentity);
        EmitStatus(store, redemption);
        achievements?.Record(store, member.Id, AchievementEvent.Redemption(redemption.Id, now));
        return new RedemptionReceipt(redemption, balance, Replayed: false);
    }

    /// <summary>Moves a pending redemption to a final status; refunds points and stock unless it is fulfilled.</summary>
    private Result<RedemptionUpdate> Move(
        IDocumentStore store,
        string id,
        RedemptionStatus target,
        string actor,
        string? note,
        string? answeredInIdentity,
        Func<Redemption, Redemption> details)
    {
        var redemptions = store.Set<Redemption>();
        var current = redemptions.Get(id);
        if (current is null)
        {
            return RewardErrors.RedemptionNotFound(id);
        }

        if (current.Status == target)
        {
            return new RedemptionUpdate(current, Changed: false);
        }

        if (current.Status != RedemptionStatus.Pending)
        {
            return RewardErrors.NotPending(current.Status);
        }

        var now = time.GetUtcNow();
        if (target != RedemptionStatus.Fulfilled)
        {
            ledger.Append(store, new LedgerPosting(
                current.MemberId,
                LedgerEntryKind.Refund,
                current.CostPoints,
                $"Refund of reward: {current.RewardName.Ru}",
                Redemption.SourceRefOf(id),
                $"refund:{id}",
                actor));
            var rewards = store.Set<Reward>();
            if (rewards.Get(current.RewardId) is { Stock: { } stock } reward)
            {
                rewards.Update(reward with { Stock = stock + 1, Version = reward.Version + 1 });
            }
        }

        var changed = details(current) with
        {
            Status = target,
            UpdatedAt = now,
            History = [.. current.History, new RedemptionStatusChange { Status = target, At = now, Actor = actor, Note = note }],
        };
        redemptions.Update(changed);
        var balance = store.Set<Member>().Get(current.MemberId)?.Balance ?? 0;
        notices.Enqueue(store, changed, balance, answeredInIdentity);
        EmitStatus(store, changed);
        return new RedemptionUpdate(changed, Changed: true);
    }

    private void EmitStatus(IDocumentStore store, Redemption redemption) =>
        webhooks?.Emit(store, WebhookEventTypes.RedemptionStatusChanged, new
        {
            redemptionId = redemption.Id,
            memberId = redemption.MemberId,
            externalId = redemption.MemberExternalId,
            rewardId = redemption.RewardId,
            status = redemption.Status,
            costPoints = redemption.CostPoints,
        });

    private static DomainError? CheckRequest(string? rewardId, string? idempotencyKey, out string reward, out string key)
    {
        var rewardError = Validate.Text("rewardId", rewardId, 64, out reward);
        var keyError = Validate.Text("idempotencyKey", idempotencyKey, MaxKeyLength, out key);
        return rewardError ?? keyError;
    }
}
