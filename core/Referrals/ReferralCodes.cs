using System.Security.Cryptography;
using System.Text;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Referrals;

/// <summary>
/// Members' referral codes: 12 random characters (60 bits, so unguessable without throttling), created on first
/// use and stable after. Typed codes are forgiving: case, spaces, dashes, a <c>ref_</c> prefix or the whole link.
/// </summary>
public sealed class ReferralCodes(IStoreWriter writer, IDocumentStore store, TimeProvider time)
{
    /// <summary>No 0/O, 1/I: easy to read aloud and type.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int Length = 12;
    public const string LinkPrefix = "ref_";

    public string? CodeOf(string memberId) => store.Set<ReferralCode>().Get(memberId)?.Code;

    /// <summary>The member's code, created now if they have none.</summary>
    public async Task<string> GetOrCreateAsync(string memberId, CancellationToken cancellationToken) =>
        CodeOf(memberId) ?? await writer.WriteAsync(s =>
        {
            var codes = s.Set<ReferralCode>();
            if (codes.Get(memberId) is { } existing)
            {
                return existing.Code;
            }

            string code;
            do
            {
                code = RandomNumberGenerator.GetString(Alphabet, Length);
            }
            while (codes.Exists(c => c.Code == code));

            codes.Insert(new ReferralCode { Id = memberId, Code = code, CreatedAt = time.GetUtcNow() });
            return code;
        }, cancellationToken);

    /// <summary>Inside or outside a write operation: the member whose code this is (blocked or not), or null.</summary>
    public static Member? Owner(IDocumentStore store, string normalizedCode)
    {
        if (!IsWellFormed(normalizedCode))
        {
            return null;
        }

        var code = store.Set<ReferralCode>().FindOne(c => c.Code == normalizedCode);
        return code is null ? null : store.Set<Member>().Get(code.Id);
    }

    /// <summary>"ref_k7p3-m9x2 qd4f", or a whole <c>…?start=ref_…</c> link, becomes "K7P3M9X2QD4F".</summary>
    public static string Normalize(string? text)
    {
        var value = text?.Trim() ?? string.Empty;
        var prefix = value.LastIndexOf(LinkPrefix, StringComparison.OrdinalIgnoreCase);
        if (prefix >= 0)
        {
            value = value[(prefix + LinkPrefix.Length)..];
        }

        var builder = new StringBuilder(Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c) && c != '-')
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    public static bool IsWellFormed(string normalizedCode) =>
        normalizedCode.Length == Length && normalizedCode.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>"K7P3-M9X2-QD4F": groups of four for reading and typing.</summary>
    public static string Display(string code) =>
        string.Join('-', code.Chunk(4).Select(part => new string(part)));
}
