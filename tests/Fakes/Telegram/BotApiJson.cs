using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace LoyaltyBot.Tests.Fakes.Telegram;

/// <summary>Builds Bot API envelopes and objects in the shape api.telegram.org returns them.</summary>
internal static class BotApiJson
{
    public static FakeResponse Ok(JsonNode? result, string? description = null)
    {
        var envelope = new JsonObject { ["ok"] = true, ["result"] = result };
        if (description is not null)
            envelope["description"] = description;
        return new FakeResponse(200, envelope.ToJsonString());
    }

    /// <summary>Wraps update objects that are already JSON text, so tests get their fixtures back byte for byte.</summary>
    public static FakeResponse OkRawArray(IReadOnlyList<string> rawItems) =>
        new(200, "{\"ok\":true,\"result\":[" + string.Join(',', rawItems) + "]}");

    public static FakeResponse Error(int statusCode, string? description = null, int? retryAfter = null)
    {
        var envelope = new JsonObject
        {
            ["ok"] = false,
            ["error_code"] = statusCode,
            ["description"] = description ?? DefaultDescription(statusCode),
        };
        if (retryAfter is { } seconds)
            envelope["parameters"] = new JsonObject { ["retry_after"] = seconds };
        return new FakeResponse(statusCode, envelope.ToJsonString());
    }

    public static FakeResponse TooManyRequests(int retryAfter) =>
        Error(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);

    public static JsonObject BotUser(long id, string username, bool full = false)
    {
        var user = new JsonObject
        {
            ["id"] = id,
            ["is_bot"] = true,
            ["first_name"] = "Loyalty Test Bot",
            ["username"] = username,
        };
        if (full)
        {
            user["can_join_groups"] = true;
            user["can_read_all_group_messages"] = false;
            user["supports_inline_queries"] = false;
            user["can_connect_to_business"] = false;
            user["has_main_web_app"] = false;
        }
        return user;
    }

    public static JsonObject Chat(ChatTarget target)
    {
        var chat = new JsonObject { ["id"] = target.Id };
        if (target.Username is { } username)
        {
            chat["title"] = username;
            chat["username"] = username;
            chat["type"] = "channel";
        }
        else if (target.Id > 0)
        {
            chat["first_name"] = "Test";
            chat["last_name"] = "User";
            chat["type"] = "private";
        }
        else if (target.Id <= -1_000_000_000_000)
        {
            chat["title"] = "Test Supergroup";
            chat["type"] = "supergroup";
        }
        else
        {
            chat["title"] = "Test Group";
            chat["type"] = "group";
            chat["all_members_are_administrators"] = false;
        }
        return chat;
    }

    public static JsonObject Message(int messageId, ChatTarget chat, JsonObject from, DateTimeOffset date)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = from,
            ["chat"] = Chat(chat),
            ["date"] = date.ToUnixTimeSeconds(),
        };
        if (chat.Username is not null)
        {
            // Channel posts come from the channel itself, not from the bot user.
            message.Remove("from");
            message["sender_chat"] = Chat(chat);
        }
        return message;
    }

    /// <summary>Telegram echoes inline keyboards back on the message, but not reply keyboards.</summary>
    public static JsonNode? InlineKeyboardOrNull(string? replyMarkupJson)
    {
        if (string.IsNullOrEmpty(replyMarkupJson))
            return null;
        var markup = JsonNode.Parse(replyMarkupJson);
        return markup is JsonObject obj && obj.ContainsKey("inline_keyboard") ? markup : null;
    }

    public static JsonArray PhotoSizes(string seed, int byteCount)
    {
        var sizes = new JsonArray();
        foreach (var (side, suffix) in new[] { (90, "s"), (320, "m"), (800, "x") })
        {
            sizes.Add(new JsonObject
            {
                ["file_id"] = $"AgACAgIAAxkDAAI{seed}{suffix}AAFakeFileId",
                ["file_unique_id"] = $"AQAD{seed}{suffix}",
                ["file_size"] = Math.Max(1, byteCount * side / 800),
                ["width"] = side,
                ["height"] = side,
            });
        }
        return sizes;
    }

    private static string DefaultDescription(int statusCode) => statusCode switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden: bot was blocked by the user",
        404 => "Not Found",
        409 => "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
        429 => "Too Many Requests: retry after 1",
        _ => ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase : $"HTTP {statusCode}",
    };
}
