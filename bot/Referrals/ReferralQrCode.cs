using LoyaltyBot.Core.Chat;
using QRCoder;

namespace LoyaltyBot.Bot.Referrals;

/// <summary>QR codes of invitation links, as PNG bytes (QRCoder's own PNG writer: no System.Drawing).</summary>
public static class ReferralQrCode
{
    /// <summary>10 pixels a module: about 330 px for a t.me link, crisp in a chat photo.</summary>
    private const int PixelsPerModule = 10;

    public static ChatImage For(string link) =>
        new(PngByteQRCodeHelper.GetQRCode(link, QRCodeGenerator.ECCLevel.M, PixelsPerModule), "invite-qr.png");
}
