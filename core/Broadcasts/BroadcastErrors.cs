using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Core.Broadcasts;

/// <summary>The campaigns' user mistakes; the codes are part of the API contract.</summary>
public static class BroadcastErrors
{
    public const string InvalidHtmlCode = "invalid_html";
    public const string TextTooLongCode = "text_too_long";
    public const string InvalidImageCode = "invalid_image";
    public const string ImageTooLargeCode = "image_too_large";
    public const string SendTimeInPastCode = "send_time_in_past";
    public const string EmptyAudienceCode = "empty_audience";

    public static DomainError InvalidHtml(string field, string problem) =>
        DomainError.Invalid(field, InvalidHtmlCode, $"'{field}' is not valid: {problem}. Allowed markup: <b>, <i>, <a href=\"https://…\">, balanced; write &lt; &gt; &amp; for < > &.");

    public static DomainError TextTooLong(string field, int limit, bool caption) =>
        DomainError.Invalid(field, TextTooLongCode, caption
            ? $"'{field}' must be at most {limit} characters (without markup) when the message has an image: it becomes the caption."
            : $"'{field}' must be at most {limit} characters (without markup).");

    public static DomainError NotAnImage() =>
        DomainError.Invalid("image", InvalidImageCode, "'image' must be a PNG or JPEG file, base64-encoded.");

    public static DomainError ImageTooLarge(int limit) =>
        DomainError.Invalid("image", ImageTooLargeCode, $"'image' must be at most {limit:N0} bytes.");

    public static DomainError SendTimeInPast() =>
        DomainError.Invalid("sendAt", SendTimeInPastCode, "'sendAt' is in the past; leave it out to send now.");

    public static DomainError EmptyAudience() =>
        DomainError.Unprocessable(EmptyAudienceCode, "Nobody reachable in chat matches the audience.", "audience");

    public static DomainError NotFound(string id) =>
        DomainError.NotFound("broadcast_not_found", $"No broadcast has id '{id}'.", "id");

    public static DomainError NotCancellable(BroadcastStatus status) =>
        DomainError.Conflict("invalid_status", $"The broadcast is {status.ToString().ToLowerInvariant()}; only a scheduled or sending one can be cancelled.", "status");
}
