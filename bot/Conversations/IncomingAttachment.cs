namespace LoyaltyBot.Bot.Conversations;

/// <summary>
/// A file the user sent with a message (a Telegram photo or document, a file named in the terminal), channel-neutral.
/// The bytes are fetched only when a handler asks for them, so messages nobody reads an attachment of cost nothing.
/// </summary>
public sealed record IncomingAttachment
{
    /// <summary>The name the channel gave (a photo has none of its own: "photo.jpg"); untrusted.</summary>
    public required string FileName { get; init; }

    /// <summary>The size the channel reported before downloading, if it did; check it before <see cref="DownloadAsync"/>.</summary>
    public long? Size { get; init; }

    /// <summary>
    /// Fetches the bytes (Telegram: getFile, then the file download): null when the file turns out larger than the
    /// given number of bytes, which the channel may tell before downloading anything.
    /// </summary>
    public required Func<long, CancellationToken, Task<byte[]?>> Download { get; init; }

    /// <summary>The bytes, or null when the file is larger than <paramref name="maxBytes"/>.</summary>
    public async Task<byte[]?> DownloadAsync(long maxBytes, CancellationToken cancellationToken)
    {
        if (Size > maxBytes)
        {
            return null;
        }

        var bytes = await Download(maxBytes, cancellationToken);
        return bytes is null || bytes.LongLength > maxBytes ? null : bytes;
    }
}
