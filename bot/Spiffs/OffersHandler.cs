using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Spiffs;

namespace LoyaltyBot.Bot.Spiffs;

/// <summary><c>/offers</c>: the SPIFFs running now that the member qualifies for.</summary>
public sealed class OffersHandler(SpiffQueries spiffs, ProgramCalendar calendar) : IChatHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["offers"];

    public string ButtonPrefix => "offers";

    public HandlerAccess Access => HandlerAccess.Member;

    public Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        var texts = context.Texts;
        var running = spiffs.RunningFor(context.RequiredMember, context.Now);
        if (running.Count == 0)
        {
            return Task.FromResult(context.Reply(RichText.Escape(texts["Engagement.Spiffs.None"]), [[ChatButton.Choice(texts["Common.Menu"], "menu")]]));
        }

        var lines = new List<RichText> { texts.Rich("Engagement.Spiffs.Title") };
        foreach (var spiff in running)
        {
            lines.Add(RichText.Empty);
            lines.Add(RichText.Bold(spiff.Title));
            lines.Add(SpiffAnnouncements.Describe(texts, spiff, calendar.TimeZone));
        }

        return Task.FromResult(context.Reply(RichText.Lines(lines), [[ChatButton.Choice(texts["Common.Menu"], "menu")]]));
    }
}
