namespace LoyaltyBot.Core.Chat;

/// <summary>A PNG (or JPEG) image sent with the message; the message text is its caption.</summary>
public sealed record ChatImage(byte[] Bytes, string FileName = "image.png");
