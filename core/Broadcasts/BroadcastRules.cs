using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Rewards;

namespace LoyaltyBot.Core.Broadcasts;

/// <summary>Validates a campaign draft the same way for the API and the chat; nothing is stored here.</summary>
public sealed class BroadcastRules(TierLadder tiers, BroadcastOptions options)
{
    /// <summary>Telegram's limit for a message text, in characters without markup.</summary>
    public const int TextLimit = 4096;

    /// <summary>Telegram's limit for a photo caption.</summary>
    public const int CaptionLimit = 1024;

    public const int MaxLabelLength = 64;
    public const int MaxListLength = 10_000;
    public const int MaxDays = 3650;

    /// <summary>A send time this little in the past still means "now" (clock skew between systems).</summary>
    public static readonly TimeSpan SendAtTolerance = TimeSpan.FromMinutes(1);

    public static IReadOnlyList<string> KnownChannels { get; } = ["telegram", "teams", "terminal"];

    /// <summary>
    /// The draft as a campaign without id, status and counts: text, image, link and audience checked; <c>SendAt</c> is
    /// the time given or <paramref name="now"/>.
    /// </summary>
    public Result<Broadcast> Check(BroadcastDraft draft, DateTimeOffset now)
    {
        byte[]? image = null;
        if (!string.IsNullOrWhiteSpace(draft.Image))
        {
            var decoded = CheckImage(draft.Image);
            if (!decoded.IsSuccess)
            {
                return decoded.Error;
            }

            image = decoded.Value;
        }

        var text = CheckText(draft.Text, image is not null);
        if (!text.IsSuccess)
        {
            return text.Error;
        }

        BroadcastLink? link = null;
        if (draft.Button is { } button)
        {
            var checkedLink = CheckLink(button);
            if (!checkedLink.IsSuccess)
            {
                return checkedLink.Error;
            }

            link = checkedLink.Value;
        }

        var audience = CheckAudience(draft.Audience);
        if (!audience.IsSuccess)
        {
            return audience.Error;
        }

        var sendAt = now;
        if (draft.SendAt is { } at)
        {
            if (at < now - SendAtTolerance)
            {
                return BroadcastErrors.SendTimeInPast();
            }

            sendAt = at > now ? new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero) : now;
        }

        return new Broadcast
        {
            Id = string.Empty,
            Text = text.Value,
            Image = image,
            ImageName = image is null ? null : RewardImageFormat.Detect(image) == RewardImageFormat.Jpeg ? "broadcast.jpg" : "broadcast.png",
            Link = link,
            Audience = audience.Value,
            SendAt = sendAt,
            CreatedBy = string.Empty,
        };
    }

    /// <summary>The texts in each language: required Russian, valid markup, within the channel limit.</summary>
    public static Result<BroadcastText> CheckText(BroadcastTextDraft? draft, bool withImage)
    {
        if (draft is null || Validate.IsBlank(draft.Ru))
        {
            return DomainError.Invalid("text.ru", Validate.MissingField, "'text.ru' is required: {\"ru\": \"…\", \"uk\": \"…\", \"en\": \"…\"}.");
        }

        string? Check(string field, string? value, out DomainError? error)
        {
            error = null;
            var trimmed = value?.Trim();
            if (trimmed is null || Validate.IsBlank(trimmed))
            {
                return null;
            }

            if (BroadcastHtml.Problem(trimmed) is { } problem)
            {
                error = BroadcastErrors.InvalidHtml(field, problem);
                return null;
            }

            var limit = withImage ? CaptionLimit : TextLimit;
            if (new RichText(trimmed).ToPlainText().Length > limit)
            {
                error = BroadcastErrors.TextTooLong(field, limit, withImage);
                return null;
            }

            if (trimmed.Any(ch => char.IsControl(ch) && ch is not '\n' and not '\r' and not '\t'))
            {
                error = DomainError.Invalid(field, Validate.InvalidValue, $"'{field}' contains control characters.");
                return null;
            }

            return trimmed;
        }

        var ru = Check("text.ru", draft.Ru, out var ruError);
        var uk = Check("text.uk", draft.Uk, out var ukError);
        var en = Check("text.en", draft.En, out var enError);
        if ((ruError ?? ukError ?? enError) is { } failed)
        {
            return failed;
        }

        return new BroadcastText { Ru = ru!, Uk = uk, En = en };
    }

    private Result<byte[]> CheckImage(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return BroadcastErrors.NotAnImage();
        }

        if (bytes.Length > options.MaxImageBytes)
        {
            return BroadcastErrors.ImageTooLarge(options.MaxImageBytes);
        }

        return RewardImageFormat.Detect(bytes) is null ? BroadcastErrors.NotAnImage() : bytes;
    }

    private static Result<BroadcastLink> CheckLink(BroadcastLinkDraft draft)
    {
        if (draft.Label is null)
        {
            return DomainError.Invalid("button.label.ru", Validate.MissingField, "'button.label.ru' is required.");
        }

        var ruError = Validate.Text("button.label.ru", draft.Label.Ru, MaxLabelLength, out var ru);
        var ukError = Validate.OptionalText("button.label.uk", draft.Label.Uk, MaxLabelLength, out var uk);
        var enError = Validate.OptionalText("button.label.en", draft.Label.En, MaxLabelLength, out var en);
        if ((ruError ?? ukError ?? enError) is { } error)
        {
            return error;
        }

        var url = draft.Url?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return DomainError.Invalid("button.url", Validate.MissingField, "'button.url' is required.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || url.Length > 2048)
        {
            return DomainError.Invalid("button.url", Validate.InvalidValue, "'button.url' must be an https:// address.");
        }

        return new BroadcastLink
        {
            Label = new BroadcastText { Ru = ru, Uk = uk.Length == 0 ? null : uk, En = en.Length == 0 ? null : en },
            Url = url,
        };
    }

    private Result<BroadcastAudience> CheckAudience(BroadcastAudienceDraft? draft)
    {
        if (draft is null)
        {
            return DomainError.Invalid("audience", Validate.MissingField, "'audience' is required: {\"all\": true} or criteria such as {\"tiers\": [\"Gold\"]}.");
        }

        var tierNames = new List<string>();
        foreach (var tier in draft.Tiers ?? [])
        {
            if (tiers.Normalize(tier?.Trim()) is not { } canonical)
            {
                return DomainError.Invalid("audience.tiers", Validate.InvalidValue, $"'audience.tiers' may hold {string.Join(", ", tiers.Tiers.Select(t => t.Name))}.");
            }

            tierNames.Add(canonical);
        }

        var channels = new List<string>();
        foreach (var channel in draft.Channels ?? [])
        {
            var name = channel?.Trim().ToLowerInvariant();
            if (name is null || !KnownChannels.Contains(name))
            {
                return DomainError.Invalid("audience.channels", Validate.InvalidValue, $"'audience.channels' may hold {string.Join(", ", KnownChannels)}.");
            }

            channels.Add(name);
        }

        if (draft.ActiveWithinDays is < 1 or > MaxDays)
        {
            return DomainError.Invalid("audience.activeWithinDays", Validate.OutOfRange, $"'audience.activeWithinDays' must be between 1 and {MaxDays}.");
        }

        if (draft.InactiveForDays is < 1 or > MaxDays)
        {
            return DomainError.Invalid("audience.inactiveForDays", Validate.OutOfRange, $"'audience.inactiveForDays' must be between 1 and {MaxDays}.");
        }

        var regions = Clean(draft.Regions);
        var externalIds = Clean(draft.ExternalIds);
        if (regions.Count > MaxListLength || externalIds.Count > MaxListLength)
        {
            return DomainError.Invalid("audience", Validate.OutOfRange, $"Audience lists may hold at most {MaxListLength:N0} entries.");
        }

        var audience = new BroadcastAudience
        {
            Tiers = tierNames.Distinct().ToList(),
            Regions = regions,
            Channels = channels.Distinct().ToList(),
            ActiveWithinDays = draft.ActiveWithinDays,
            InactiveForDays = draft.InactiveForDays,
            NotRedeemed = draft.NotRedeemed == true,
            ExternalIds = externalIds,
        };
        if (audience.IsEveryone && draft.All != true)
        {
            return DomainError.Invalid("audience", Validate.MissingField, "'audience' must say {\"all\": true} or name at least one criterion.");
        }

        return audience;
    }

    private static List<string> Clean(List<string?>? values) =>
        (values ?? []).Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();
}
