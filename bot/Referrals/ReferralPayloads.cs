using System.Globalization;
using System.Text;
using LoyaltyBot.Core.Chat;

namespace LoyaltyBot.Bot.Referrals;

/// <summary>
/// Button payloads of the referral flows. Dialog buttons carry the dialog's nonce, so a button of an older dialog does
/// nothing; the manager's buttons carry the application id (<c>apl:a:{32 hex}</c>, 38 bytes).
/// </summary>
public static class ReferralPayloads
{
    /// <summary><c>/invite</c>: the link, the QR code and the figures (also the menu item).</summary>
    public const string Invite = "inv";

    /// <summary>The newcomer's registration dialog.</summary>
    public const string Signup = "rg";

    /// <summary>The manager's applications.</summary>
    public const string Applications = "apl";

    public const string ApplicationList = Applications + ":l";

    public static string Region(string nonce, int index) => Checked($"{Signup}:r:{nonce}:{index.ToString(CultureInfo.InvariantCulture)}");

    public static string Submit(string nonce) => Checked($"{Signup}:ok:{nonce}");

    public static string Restart(string nonce) => Checked($"{Signup}:re:{nonce}");

    public static string Cancel(string nonce) => Checked($"{Signup}:x:{nonce}");

    public static string Approve(string applicationId) => Checked($"{Applications}:a:{applicationId}");

    public static string Reject(string applicationId) => Checked($"{Applications}:r:{applicationId}");

    public static string RejectWithoutReason(string nonce) => Checked($"{Applications}:n:{nonce}");

    public static string KeepPending(string nonce) => Checked($"{Applications}:c:{nonce}");

    private static string Checked(string payload) =>
        Encoding.UTF8.GetByteCount(payload) <= ChatButton.MaxPayloadBytes
            ? payload
            : throw new InvalidOperationException($"The payload '{payload}' is longer than {ChatButton.MaxPayloadBytes} bytes.");
}
