using System.Text.Json;
using System.Text.Json.Nodes;

namespace LoyaltyBot.Tests.Fakes.Telegram;

/// <summary>
/// The Bot API semantics of the fake: validation, blocked chats, scripted failures, flood control and the
/// results of each supported method. All state is guarded by one lock; requests are short, so contention is low.
/// </summary>
internal sealed class BotApiDispatcher(string botUsername, UpdateQueue updates, FakeFiles files)
{
    private static readonly Dictionary<string, string> KnownMethods = new[]
    {
        "getMe", "sendMessage", "sendPhoto", "editMessageText", "editMessageReplyMarkup", "answerCallbackQuery",
        "setWebhook", "deleteWebhook", "getWebhookInfo", "setMyCommands", "sendChatAction", "getUpdates", "getFile",
    }.ToDictionary(name => name, StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> SupportedParseModes =
        new(["HTML", "Markdown", "MarkdownV2"], StringComparer.OrdinalIgnoreCase);

    private readonly Lock _gate = new();
    private readonly HashSet<long> _blockedChats = [];
    private readonly Dictionary<string, Queue<ScriptedFailure>> _scriptedFailures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, int> _lastMessageIds = [];
    private SendRateLimiter? _rateLimiter;
    private string _webhookUrl = "";

    /// <summary>The canonical spelling ("sendMessage") of a method name in any case, or the name as given.</summary>
    public static string Canonicalize(string method) => KnownMethods.GetValueOrDefault(method) ?? method;

    public void BlockChat(long chatId, bool blocked)
    {
        lock (_gate)
        {
            if (blocked)
                _blockedChats.Add(chatId);
            else
                _blockedChats.Remove(chatId);
        }
    }

    public void Script(string method, int times, ScriptedFailure failure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        lock (_gate)
        {
            if (!_scriptedFailures.TryGetValue(method, out var queue))
                _scriptedFailures[method] = queue = new Queue<ScriptedFailure>();
            for (var i = 0; i < times; i++)
                queue.Enqueue(failure);
        }
    }

    public void EnforceRateLimits(SendRateLimiter limiter)
    {
        lock (_gate)
            _rateLimiter = limiter;
    }

    public void Reset()
    {
        lock (_gate)
        {
            _blockedChats.Clear();
            _scriptedFailures.Clear();
            _lastMessageIds.Clear();
            _rateLimiter = null;
            _webhookUrl = "";
        }
    }

    /// <summary>
    /// The response to a call of <paramref name="method"/> (canonical name), or <see langword="null"/> for a
    /// getUpdates call that should long-poll the update queue.
    /// </summary>
    public FakeResponse? Respond(string method, BotApiRequest request, DateTimeOffset now, long arrivedAt)
    {
        if (!KnownMethods.ContainsKey(method))
            return BotApiJson.Error(404, "Not Found: method not found");

        lock (_gate)
        {
            if (_scriptedFailures.TryGetValue(method, out var failures) && failures.TryDequeue(out var failure))
                return failure.ToResponse();

            if (Validate(method, request, out var chat) is { } invalid)
                return invalid;

            if (chat is { } target && IsSendOrEdit(method))
            {
                if (_blockedChats.Contains(target.Id))
                    return BotApiJson.Error(403, "Forbidden: bot was blocked by the user");
                if (IsRateLimitedSend(method) && _rateLimiter is { } limiter && !limiter.TryAcquire(target.Id, arrivedAt))
                    return BotApiJson.TooManyRequests(1);
            }

            return Execute(method, request, chat, now);
        }
    }

    private static FakeResponse? Validate(string method, BotApiRequest request, out ChatTarget? chat)
    {
        chat = null;
        if (request.Get("chat_id") is { } rawChatId)
        {
            if (!ChatTarget.TryParse(rawChatId, out var target))
                return BotApiJson.Error(400, "Bad Request: chat not found");
            chat = target;
        }

        var isEdit = method.StartsWith("edit", StringComparison.Ordinal);
        if (IsSendOrEdit(method) && !(isEdit && request.Get("inline_message_id") is not null))
        {
            if (chat is null)
                return BotApiJson.Error(400, "Bad Request: chat_id is empty");
            if (isEdit && request.GetInt("message_id") is null)
                return BotApiJson.Error(400, "Bad Request: message identifier is not specified");
        }

        if (method is "sendMessage" or "editMessageText" && string.IsNullOrEmpty(request.Get("text")))
            return BotApiJson.Error(400, "Bad Request: message text is empty");
        if (method == "sendPhoto" && request.Get("photo") is null && request.FileBytes is null)
            return BotApiJson.Error(400, "Bad Request: there is no photo in the request");

        // Telegram matches parse_mode case-insensitively; Telegram.Bot sends "Html", other clients "HTML".
        if (request.Get("parse_mode") is { Length: > 0 } parseMode && !SupportedParseModes.Contains(parseMode))
            return BotApiJson.Error(400, $"Bad Request: unsupported parse_mode \"{parseMode}\"");

        if (request.Get("reply_markup") is { } markup)
        {
            try
            {
                JsonNode.Parse(markup);
            }
            catch (JsonException)
            {
                return BotApiJson.Error(400, "Bad Request: can't parse reply keyboard markup JSON object");
            }
        }
        return null;
    }

    private FakeResponse? Execute(string method, BotApiRequest request, ChatTarget? chat, DateTimeOffset now)
    {
        switch (method)
        {
            case "getMe":
                return BotApiJson.Ok(BotApiJson.BotUser(FakeTelegramServer.BotId, botUsername, full: true));

            case "sendMessage":
            {
                var message = NewMessage(NextMessageId(chat!.Value.Id), chat.Value, now);
                message["text"] = request.Get("text");
                AddInlineKeyboard(message, request);
                return BotApiJson.Ok(message);
            }

            case "sendPhoto":
            {
                var messageId = NextMessageId(chat!.Value.Id);
                var message = NewMessage(messageId, chat.Value, now);
                var seed = $"{chat.Value.Id & 0xFFFF:X4}{messageId:X4}";
                message["photo"] = BotApiJson.PhotoSizes(seed, request.FileBytes?.Length ?? 40_000);
                if (request.Get("caption") is { Length: > 0 } caption)
                    message["caption"] = caption;
                AddInlineKeyboard(message, request);
                return BotApiJson.Ok(message);
            }

            case "editMessageText":
            case "editMessageReplyMarkup":
            {
                if (chat is null)
                    return BotApiJson.Ok(true); // inline messages: Telegram answers just true
                var message = NewMessage(request.GetInt("message_id")!.Value, chat.Value, now);
                message["edit_date"] = now.ToUnixTimeSeconds();
                if (request.Get("text") is { } text)
                    message["text"] = text;
                AddInlineKeyboard(message, request);
                return BotApiJson.Ok(message);
            }

            case "setWebhook":
                _webhookUrl = request.Get("url") ?? "";
                if (request.Get("drop_pending_updates") == "true")
                    updates.Clear();
                return BotApiJson.Ok(true, _webhookUrl.Length > 0 ? "Webhook was set" : "Webhook was deleted");

            case "deleteWebhook":
            {
                var existed = _webhookUrl.Length > 0;
                _webhookUrl = "";
                if (request.Get("drop_pending_updates") == "true")
                    updates.Clear();
                return BotApiJson.Ok(true, existed ? "Webhook was deleted" : "Webhook is already deleted");
            }

            case "getWebhookInfo":
            {
                var info = new JsonObject
                {
                    ["url"] = _webhookUrl,
                    ["has_custom_certificate"] = false,
                    ["pending_update_count"] = updates.Count,
                };
                if (_webhookUrl.Length > 0)
                    info["max_connections"] = 40;
                return BotApiJson.Ok(info);
            }

            case "getUpdates":
                return _webhookUrl.Length > 0
                    ? BotApiJson.Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
                    : null;

            case "getFile":
            {
                if (request.Get("file_id") is not { Length: > 0 } fileId || files.ById(fileId) is not { } file)
                    return BotApiJson.Error(400, "Bad Request: invalid file_id");
                return BotApiJson.Ok(new JsonObject
                {
                    ["file_id"] = file.Id,
                    ["file_unique_id"] = file.UniqueId,
                    ["file_size"] = file.Bytes.Length,
                    ["file_path"] = file.Path,
                });
            }

            case "answerCallbackQuery":
            case "setMyCommands":
            case "sendChatAction":
                return BotApiJson.Ok(true);

            default:
                throw new InvalidOperationException($"Method '{method}' is listed as known but has no handler.");
        }
    }

    private JsonObject NewMessage(int messageId, ChatTarget chat, DateTimeOffset date) =>
        BotApiJson.Message(messageId, chat, BotApiJson.BotUser(FakeTelegramServer.BotId, botUsername), date);

    private static void AddInlineKeyboard(JsonObject message, BotApiRequest request)
    {
        if (BotApiJson.InlineKeyboardOrNull(request.Get("reply_markup")) is { } keyboard)
            message["reply_markup"] = keyboard;
    }

    private int NextMessageId(long chatId)
    {
        var next = _lastMessageIds.GetValueOrDefault(chatId) + 1;
        _lastMessageIds[chatId] = next;
        return next;
    }

    private static bool IsSendOrEdit(string method) =>
        method.StartsWith("send", StringComparison.Ordinal) || method.StartsWith("edit", StringComparison.Ordinal);

    // Chat actions are not messages and do not count against Telegram's broadcast limits.
    private static bool IsRateLimitedSend(string method) =>
        method.StartsWith("send", StringComparison.Ordinal) && method != "sendChatAction";
}
