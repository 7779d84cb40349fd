using System.Text.Json.Nodes;

namespace LoyaltyBot.Tests.Telegram;

/// <summary>
/// Real Bot API update payloads from <c>tests/Fixtures/telegram</c> (copied from shared/fixtures, copied to the
/// output folder by the test project), with the few changes a test needs.
/// </summary>
public static class TelegramFixtures
{
    public static string Load(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "telegram", name));

    /// <summary>A fixture with its fields changed: <paramref name="edit"/> gets the parsed update.</summary>
    public static string Edit(string name, Action<JsonObject> edit)
    {
        var update = JsonNode.Parse(Load(name))!.AsObject();
        edit(update);
        return update.ToJsonString();
    }

    /// <summary>The private text message of user 284705193, with another text, update id and (optionally) sender.</summary>
    public static string PrivateText(string text, long updateId, long? userId = null, string? firstName = null, string? lastName = null) =>
        Edit("message_start_private_ru.json", update =>
        {
            update["update_id"] = updateId;
            var message = update["message"]!.AsObject();
            message["text"] = text;
            if (!text.StartsWith('/'))
            {
                message.Remove("entities");
            }

            foreach (var party in new[] { message["from"]!.AsObject(), message["chat"]!.AsObject() })
            {
                if (userId is { } id)
                {
                    party["id"] = id;
                }

                if (firstName is not null)
                {
                    party["first_name"] = firstName;
                }

                if (lastName is not null)
                {
                    party["last_name"] = lastName;
                }
            }
        });
}
