namespace LoyaltyBot.Core.Rewards;

/// <summary>Recognises PNG and JPEG by their magic bytes, whatever the uploader claimed.</summary>
public static class RewardImageFormat
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary><see cref="Png"/>, <see cref="Jpeg"/> or null.</summary>
    public static string? Detect(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(PngSignature) ? Png
        : bytes.StartsWith(JpegSignature) ? Jpeg
        : null;

    public static string FileNameFor(string contentType) => contentType == Jpeg ? "reward.jpg" : "reward.png";
}
