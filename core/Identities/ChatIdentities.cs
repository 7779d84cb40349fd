using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Identities;

/// <summary>Keeps track of chat identities: first contact, reachability, language before linking, addressing.</summary>
public sealed class ChatIdentities(IStoreWriter writer, IDocumentStore store, TimeProvider time)
{
    /// <summary>Why a message for a member was not sent to a chat: the chat was unlinked from the member meanwhile.</summary>
    public const string UnlinkedReason = "the chat was unlinked from the member";

    public ChatIdentity? Get(string identityId) => store.Set<ChatIdentity>().Get(identityId);

    public IReadOnlyList<ChatIdentity> OfMember(string memberId) =>
        store.Set<ChatIdentity>().Find(i => i.MemberId == memberId);

    /// <summary>
    /// Records that a user wrote to us: creates the identity on first contact, follows a changed chat id or
    /// address, and makes a user who had blocked the bot reachable again. Writes only when something changed.
    /// Only a private chat moves the chat id or the reachability: the chat id is where personal messages (balances,
    /// vouchers) go, so a message in a group must never turn it into the group's.
    /// </summary>
    public async Task<ChatIdentity> SeenAsync(
        string channel,
        string channelUserId,
        string chatId,
        bool privateChat,
        IReadOnlyDictionary<string, string>? address,
        CancellationToken cancellationToken)
    {
        var id = ChatIdentity.KeyOf(channel, channelUserId);
        var current = Get(id);
        if (current is not null && !AddressChanged(current, address)
            && (!privateChat || (current.ChatId == chatId && current.UnreachableSince is null)))
        {
            return current;
        }

        return await writer.WriteAsync(s =>
        {
            var set = s.Set<ChatIdentity>();
            var existing = set.Get(id);
            var identity = (existing ?? new ChatIdentity
            {
                Id = id,
                Channel = channel,
                ChannelUserId = channelUserId,
                ChatId = chatId,
                FirstSeenAt = time.GetUtcNow(),
            }) with
            {
                ChatId = privateChat || existing is null ? chatId : existing.ChatId,
                UnreachableSince = privateChat ? null : existing?.UnreachableSince,
                Address = address is null ? existing?.Address ?? [] : new Dictionary<string, string>(address),
            };
            set.Upsert(identity);
            return identity;
        }, cancellationToken);
    }

    public Task MarkUnreachableAsync(string identityId, CancellationToken cancellationToken) =>
        writer.WriteAsync(s => MarkUnreachable(s, identityId), cancellationToken);

    /// <summary>Inside a write operation: the channel told us the user blocked or removed the bot.</summary>
    public bool MarkUnreachable(IDocumentStore s, string identityId)
    {
        var set = s.Set<ChatIdentity>();
        var identity = set.Get(identityId);
        if (identity is null || identity.UnreachableSince is not null)
        {
            return false;
        }

        return set.Update(identity with { UnreachableSince = time.GetUtcNow() });
    }

    public Task<Result<ChatIdentity>> SetLanguageAsync(string identityId, string language, CancellationToken cancellationToken) =>
        writer.WriteAsync<Result<ChatIdentity>>(s =>
        {
            var set = s.Set<ChatIdentity>();
            var identity = set.Get(identityId);
            if (identity is null)
            {
                return DomainError.NotFound("unknown_identity", "The chat identity does not exist.");
            }

            var changed = identity with { Language = language };
            set.Update(changed);
            return changed;
        }, cancellationToken);

    /// <summary>
    /// Disconnects one of a member's chats (a lost phone, an employee who left): the chat is a stranger again and needs
    /// a new join code; the member and their points are untouched. Messages queued for the member in that chat and not
    /// yet sent (a voucher, a balance) are cancelled in the same write, so nothing personal reaches it afterwards.
    /// </summary>
    public Task<Result<ChatIdentity>> UnlinkAsync(string externalId, string identityId, CancellationToken cancellationToken) =>
        writer.WriteAsync<Result<ChatIdentity>>(s =>
        {
            var member = s.Set<Member>().FindOne(m => m.ExternalId == externalId);
            if (member is null)
            {
                return MemberErrors.Unknown(externalId);
            }

            var set = s.Set<ChatIdentity>();
            if (set.Get(identityId) is not { } identity || identity.MemberId != member.Id)
            {
                return DomainError.NotFound("chat_not_found", $"Member '{externalId}' has no linked chat '{identityId}'.", "id");
            }

            var unlinked = identity with { MemberId = null, LinkedAt = null };
            set.Update(unlinked);
            var outbox = s.Set<OutboxMessage>();
            var memberId = member.Id;
            foreach (var queued in outbox.Find(m => m.Status == OutboxStatus.Pending && m.IdentityId == identityId && m.MemberId == memberId))
            {
                outbox.Update(queued with { Status = OutboxStatus.Cancelled, LastError = UnlinkedReason });
            }

            return unlinked;
        }, cancellationToken);

    private static bool AddressChanged(ChatIdentity current, IReadOnlyDictionary<string, string>? address) =>
        address is not null
        && (address.Count != current.Address.Count
            || address.Any(pair => !current.Address.TryGetValue(pair.Key, out var value) || value != pair.Value));
}
