using System.Security.Cryptography;
using System.Text;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Joining;

/// <summary>Issues single-use join codes and links chat identities with them, throttling wrong guesses.</summary>
public sealed class JoinCodes(IStoreWriter writer, JoinOptions options, TimeProvider time)
{
    /// <summary>No 0/O, 1/I: easy to read aloud and type.</summary>
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int Length = 10;

    /// <summary>Inside a write operation: a new code for the member.</summary>
    public IssuedJoinCode Issue(IDocumentStore store, string memberId)
    {
        var code = RandomNumberGenerator.GetString(Alphabet, Length);
        var now = time.GetUtcNow();
        var expires = now.AddDays(options.CodeLifetimeDays);
        store.Set<JoinCode>().Insert(new JoinCode { Id = HashOf(code), MemberId = memberId, CreatedAt = now, ExpiresAt = expires });
        return new IssuedJoinCode(code, expires);
    }

    public Task<Result<IssuedJoinCode>> IssueAsync(string externalId, CancellationToken cancellationToken) =>
        writer.WriteAsync<Result<IssuedJoinCode>>(store =>
        {
            var member = store.Set<Member>().FindOne(m => m.ExternalId == externalId);
            return member is null ? MemberErrors.Unknown(externalId) : Issue(store, member.Id);
        }, cancellationToken);

    /// <summary>
    /// Withdraws every unused code of the member (one was lost or sent to the wrong person); chats linked already stay
    /// linked. Returns how many codes could still have been redeemed.
    /// </summary>
    public Task<Result<int>> RevokeAsync(string externalId, CancellationToken cancellationToken) =>
        writer.WriteAsync<Result<int>>(store =>
        {
            var member = store.Set<Member>().FindOne(m => m.ExternalId == externalId);
            if (member is null)
            {
                return MemberErrors.Unknown(externalId);
            }

            var codes = store.Set<JoinCode>();
            var unused = codes.Find(c => c.MemberId == member.Id && c.UsedAt == null);
            foreach (var code in unused)
            {
                codes.Delete(code.Id);
            }

            var now = time.GetUtcNow();
            return unused.Count(c => c.ExpiresAt > now);
        }, cancellationToken);

    /// <summary>True when the text could be a join code (so free text from an unlinked user is tried as one).</summary>
    public static bool LooksLikeCode(string? text)
    {
        var normalized = Normalize(text);
        return normalized.Length == Length && normalized.All(char.IsAsciiLetterOrDigit);
    }

    /// <summary>Links the identity to the code's member; wrong codes count towards the hourly limit.</summary>
    public Task<JoinOutcome> RedeemAsync(ChatIdentity identity, string code, CancellationToken cancellationToken)
    {
        var hash = HashOf(Normalize(code));
        return writer.WriteAsync<JoinOutcome>(store =>
        {
            var now = time.GetUtcNow();
            var failures = store.Set<JoinFailures>();
            var recent = (failures.Get(identity.Id)?.At ?? []).Where(t => t > now.AddHours(-1)).ToList();
            if (recent.Count >= options.MaxFailuresPerHour)
            {
                return new JoinOutcome.TooManyAttempts(recent.Min().AddHours(1));
            }

            var codes = store.Set<JoinCode>();
            var joinCode = codes.Get(hash);
            var members = store.Set<Member>();
            var member = joinCode is null ? null : members.Get(joinCode.MemberId);
            if (joinCode is null || member is null || joinCode.UsedAt is not null || joinCode.ExpiresAt <= now)
            {
                recent.Add(now);
                failures.Upsert(new JoinFailures { Id = identity.Id, At = recent });
                return new JoinOutcome.CodeNotValid();
            }

            if (member.Status == MemberStatus.Blocked)
            {
                return new JoinOutcome.MemberBlocked();
            }

            var identities = store.Set<ChatIdentity>();
            var current = identities.Get(identity.Id) ?? identity;
            if (current.MemberId is not null && current.MemberId != member.Id)
            {
                return new JoinOutcome.AlreadyLinked(members.Get(current.MemberId) ?? member);
            }

            codes.Update(joinCode with { UsedAt = now, UsedBy = identity.Id });
            identities.Upsert(current with { MemberId = member.Id, LinkedAt = now, UnreachableSince = null });
            failures.Delete(identity.Id);
            return new JoinOutcome.Linked(member);
        }, cancellationToken);
    }

    /// <summary>Upper case, without spaces and dashes, so "k7p3-m9x2 qd" matches "K7P3M9X2QD".</summary>
    public static string Normalize(string? code)
    {
        var builder = new StringBuilder(Length);
        foreach (var c in code ?? string.Empty)
        {
            if (!char.IsWhiteSpace(c) && c != '-')
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static string HashOf(string normalizedCode) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedCode)));
}
