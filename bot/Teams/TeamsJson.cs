using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoyaltyBot.Bot.Teams;

/// <summary>JSON settings of the Bot Framework protocol: camelCase, case-insensitive reading, no nulls written.</summary>
internal static class TeamsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
