using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Spiffs;

/// <summary>
/// Tells eligible members that a SPIFF has started, once (dedup key <c>spiff-start:{id}</c>, and the SPIFF is marked
/// announced in the same transaction). Idempotent, so a clock may call it as often as it likes.
/// </summary>
public sealed class SpiffAnnouncements(IStoreWriter writer, IDocumentStore store, DeliveryOutbox outbox, MemberQueries members, ProgramCalendar calendar, TimeProvider time)
{
    /// <summary>Announces every active SPIFF whose window has begun and not ended; returns how many were announced.</summary>
    public async Task<int> AnnounceDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var announced = 0;
        foreach (var spiff in store.Set<Spiff>().Find(s => s.IsActive).Where(s => s.AnnouncedAt is null && s.Covers(now)).ToArray())
        {
            if (await writer.WriteAsync(s => Announce(s, spiff.Id), cancellationToken))
            {
                announced++;
            }
        }

        return announced;
    }

    private bool Announce(IDocumentStore s, string id)
    {
        var spiffs = s.Set<Spiff>();
        var spiff = spiffs.Get(id);
        var now = time.GetUtcNow();
        if (spiff is null || !spiff.IsActive || spiff.AnnouncedAt is not null || !spiff.Covers(now))
        {
            return false;
        }

        foreach (var member in s.Set<Member>().Find(m => m.Status == MemberStatus.Active))
        {
            if (spiff.IsFor(members.Profile(member).Tier, member.Region))
            {
                outbox.EnqueueForMember(s, member.Id, texts => Compose(texts, spiff, calendar.TimeZone), $"spiff-start:{spiff.Id}", $"spiff:{spiff.Id}");
            }
        }

        spiffs.Update(spiff with { AnnouncedAt = now });
        return true;
    }

    public static ChatMessage Compose(Texts texts, Spiff spiff, TimeZoneInfo zone) => new()
    {
        Text = RichText.Lines(
        [
            texts.Rich("Engagement.Spiffs.Started", spiff.Title),
            Describe(texts, spiff, zone),
        ]),
        Buttons = [[ChatButton.Choice(texts["Engagement.Spiffs.Button"], "offers")]],
    };

    /// <summary>«+2 балла за единицу: SKU-1, SKU-2 · до 15.12.2026» (the last day of the window in the program's time zone).</summary>
    public static RichText Describe(Texts texts, Spiff spiff, TimeZoneInfo zone) =>
        texts.Rich("Engagement.Spiffs.Terms", texts.Points(spiff.PointsPerUnit), string.Join(", ", spiff.Skus),
            texts.Date(spiff.To.AddMilliseconds(-1), zone));
}
