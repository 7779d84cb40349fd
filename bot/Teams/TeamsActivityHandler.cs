using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Teams;

/// <summary>
/// Turns an authenticated Teams activity into the channel-neutral conversation and sends the answer back:
/// messages (in channels and group chats only when the bot is @mentioned, with the mention stripped), card
/// submits (their <c>choice</c> is the button payload), Action.Execute invokes (answered in the HTTP response),
/// and installs / uninstalls. Every other activity is acknowledged and ignored.
/// </summary>
internal sealed partial class TeamsActivityHandler(
    IConversationEngine engine,
    ChatIdentities identities,
    BotConnectorClient connector,
    RecentWelcomes welcomes,
    ILogger<TeamsActivityHandler> logger)
{
    private const int MaxPayloadLength = 256;

    public Task<TeamsInboundResult> HandleAsync(TeamsActivity activity, CancellationToken cancellationToken) => activity switch
    {
        _ when activity.From?.Id is null || activity.Conversation?.Id is null => Task.FromResult(TeamsInboundResult.Ok),
        { Type: "message" } => OnMessageAsync(activity, cancellationToken),
        { Type: "invoke", Name: "adaptiveCard/action" } => OnCardActionAsync(activity, cancellationToken),
        { Type: "conversationUpdate" } when AddsBot(activity.MembersAdded, activity) => OnInstalledAsync(activity, cancellationToken),
        { Type: "conversationUpdate" } when AddsBot(activity.MembersRemoved, activity) => OnUninstalledAsync(activity, cancellationToken),
        { Type: "installationUpdate", Action: "add" } => OnInstalledAsync(activity, cancellationToken),
        { Type: "installationUpdate", Action: "remove" } => OnUninstalledAsync(activity, cancellationToken),
        _ => Task.FromResult(TeamsInboundResult.Ok),
    };

    private async Task<TeamsInboundResult> OnMessageAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        var payload = Choice(activity.Value);
        string? text = null;
        if (payload is null)
        {
            if (!activity.IsPersonal && !MentionsBot(activity))
            {
                return TeamsInboundResult.Ok;
            }

            text = activity.IsPersonal ? activity.Text : WithoutMentions(activity);
            if (string.IsNullOrWhiteSpace(text))
            {
                return TeamsInboundResult.Ok;
            }
        }

        await RememberAsync(activity, cancellationToken);
        var turn = await engine.HandleAsync(Incoming(activity, text, payload), cancellationToken);
        var replies = turn.Replies.Count == 0 && turn.ButtonNotice is { } notice ? [ChatMessage.Plain(notice)] : turn.Replies;
        await ReplyAsync(activity, replies, cancellationToken);
        return TeamsInboundResult.Ok;
    }

    /// <summary>Action.Execute: the first reply replaces the card (invoke response); further replies follow as messages.</summary>
    private async Task<TeamsInboundResult> OnCardActionAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        var action = activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("action", out var a) ? a : default;
        var data = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("data", out var d) ? d : default;
        var verb = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var payload = Choice(data) is { Length: > 0 } choice ? choice : Limit(verb) ?? string.Empty;

        await RememberAsync(activity, cancellationToken);
        var turn = await engine.HandleAsync(Incoming(activity, null, payload), cancellationToken);
        JsonObject response;
        if (turn.Replies.Count > 0)
        {
            response = InvokeResponse(TeamsRenderer.AdaptiveCardContentType, TeamsRenderer.Card(turn.Replies[0]));
            await ReplyAsync(activity, turn.Replies.Skip(1).ToArray(), cancellationToken);
        }
        else
        {
            response = InvokeResponse("application/vnd.microsoft.activity.message", turn.ButtonNotice ?? string.Empty);
        }

        return new TeamsInboundResult(200, response);
    }

    /// <summary>The bot was installed: remember who installed it and greet the conversation once.</summary>
    private async Task<TeamsInboundResult> OnInstalledAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        await RememberAsync(activity, cancellationToken);
        if (!welcomes.TryClaim(activity.Conversation!.Id!))
        {
            return TeamsInboundResult.Ok;
        }

        IReadOnlyList<ChatMessage> welcome;
        if (activity.IsPersonal)
        {
            // What /start says: how to join for newcomers, the menu for a member who reinstalls.
            welcome = (await engine.HandleAsync(Incoming(activity, "/start", null), cancellationToken)).Replies;
        }
        else
        {
            var texts = Texts.For(Languages.FromHint(activity.LanguageHint));
            welcome = [new ChatMessage { Text = new RichText(texts["Join.HowTo"]) }];
        }

        foreach (var message in welcome)
        {
            await DeliverAsync(activity, message, replyToId: null, cancellationToken);
        }

        return TeamsInboundResult.Ok;
    }

    /// <summary>The user removed the bot from their personal scope: stop writing to them until they come back.</summary>
    private async Task<TeamsInboundResult> OnUninstalledAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (activity.IsPersonal)
        {
            await identities.MarkUnreachableAsync(ChatIdentity.KeyOf(TeamsChannelSender.Name, activity.From!.Id!), cancellationToken);
        }

        return TeamsInboundResult.Ok;
    }

    /// <summary>Stores the conversation reference (service URL, tenant, bot, personal conversation) for later proactive messages.</summary>
    private Task<ChatIdentity> RememberAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        var userId = activity.From!.Id!;
        var stored = identities.Get(ChatIdentity.KeyOf(TeamsChannelSender.Name, userId));
        var reference = TeamsConversationReference.Of(activity, stored?.Address);
        return identities.SeenAsync(TeamsChannelSender.Name, userId, activity.Conversation!.Id!, activity.IsPersonal, reference.ToAddress(), cancellationToken);
    }

    private static IncomingMessage Incoming(TeamsActivity activity, string? text, string? payload) => new()
    {
        Channel = TeamsChannelSender.Name,
        ChannelUserId = activity.From!.Id!,
        ChatId = activity.Conversation!.Id!,
        IsPrivate = activity.IsPersonal,
        Text = text,
        ButtonPayload = payload,
        LanguageHint = activity.LanguageHint,
        DisplayName = activity.From.Name,
        SourceMessageId = activity.ReplyToId,
    };

    private async Task ReplyAsync(TeamsActivity activity, IReadOnlyList<ChatMessage> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            await DeliverAsync(activity, reply, activity.Id, cancellationToken);
        }
    }

    /// <summary>
    /// Sends one message into the activity's conversation right away: an edit when it replaces an earlier message,
    /// else a reply to <paramref name="replyToId"/> (in its thread, in channels). A failure is logged, not retried:
    /// the user sees nothing happened and can ask again, as in any chat.
    /// </summary>
    private async Task DeliverAsync(TeamsActivity activity, ChatMessage message, string? replyToId, CancellationToken cancellationToken)
    {
        var serviceUrl = activity.ServiceUrl!;
        var conversationId = activity.Conversation!.Id!;
        var body = TeamsRenderer.Activity(message);
        try
        {
            var response = message.ReplaceMessageId is { } replace
                ? await connector.UpdateAsync(serviceUrl, conversationId, replace, body, cancellationToken)
                : replyToId is not null
                    ? await connector.ReplyAsync(serviceUrl, conversationId, replyToId, body, cancellationToken)
                    : await connector.SendAsync(serviceUrl, conversationId, body, cancellationToken);
            if (!response.IsSuccess)
            {
                logger.LogWarning("The Bot Connector refused a reply in {Conversation}: {Status} {Code}", conversationId, (int)response.Status, response.ErrorCode);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("A reply in {Conversation} could not be sent: {Reason}", conversationId, exception.Message);
        }
    }

    private static JsonObject InvokeResponse(string type, JsonNode value) =>
        new() { ["statusCode"] = 200, ["type"] = type, ["value"] = value };

    /// <summary>The button payload of card data: its <c>choice</c>; empty for data of some other card; null for no data.</summary>
    private static string? Choice(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        return value.TryGetProperty(TeamsRenderer.ChoiceField, out var choice) && choice.ValueKind == JsonValueKind.String
            ? Limit(choice.GetString()) ?? string.Empty
            : string.Empty;
    }

    private static string? Limit(string? payload) => payload is { Length: <= MaxPayloadLength } ? payload : null;

    private static bool AddsBot(List<ChannelAccount>? members, TeamsActivity activity) =>
        members is not null && activity.Recipient?.Id is { } bot && members.Any(m => m.Id == bot);

    private static IEnumerable<ActivityEntity> BotMentions(TeamsActivity activity) =>
        (activity.Entities ?? []).Where(e => e.Type == "mention" && e.Mentioned?.Id is { } id && id == activity.Recipient?.Id);

    private static bool MentionsBot(TeamsActivity activity) => BotMentions(activity).Any();

    /// <summary>"&lt;at&gt;Bot&lt;/at&gt; /balance" → "/balance"; other people's mentions keep their names.</summary>
    internal static string WithoutMentions(TeamsActivity activity)
    {
        var text = activity.Text ?? string.Empty;
        foreach (var mention in BotMentions(activity))
        {
            var tag = mention.Text ?? $"<at>{mention.Mentioned!.Name}</at>";
            text = text.Replace(tag, " ", StringComparison.Ordinal);
        }

        text = AtTag().Replace(text, "${name}");
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex("<at>(?<name>.*?)</at>")]
    private static partial Regex AtTag();

    [GeneratedRegex("[ \\t\\u00A0]{2,}")]
    private static partial Regex Spaces();
}
