using System.Security.Cryptography;
using System.Text;

namespace LoyaltyBot.Core.Auth;

/// <summary>Secret generation and salted hashing with constant-time comparison.</summary>
internal static class ApiKeySecrets
{
    public const string Prefix = "lbk_";

    /// <summary><c>lbk_{id}_{43 random url-safe chars}</c>: the id finds the record, the rest is the secret.</summary>
    public static string NewSecret(string id) => $"{Prefix}{id}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";

    public static string NewSalt() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    public static string HashOf(string secret, string salt)
    {
        var bytes = SHA256.HashData([.. Convert.FromBase64String(salt), .. Encoding.UTF8.GetBytes(secret)]);
        return Convert.ToBase64String(bytes);
    }

    public static bool Matches(string secret, ApiKey key)
    {
        var expected = Convert.FromBase64String(key.Hash);
        var actual = Convert.FromBase64String(HashOf(secret, key.Salt));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>The id embedded in a generated key, or null for any other text (such as a configured admin key).</summary>
    public static string? IdOf(string presented)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = presented.IndexOf('_', Prefix.Length);
        return end > Prefix.Length ? presented[Prefix.Length..end] : null;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
