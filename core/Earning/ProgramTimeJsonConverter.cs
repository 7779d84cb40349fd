using System.Text.Json;
using System.Text.Json.Serialization;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Earning;

/// <summary>
/// Times in the HTTP API. A time sent without an offset (<c>2026-12-31T23:30:00</c>, <c>2026-12-31</c>) is a wall-clock
/// time of the program's time zone, as an ERP export of the dealers' own clock means it, not of the host's (an accident
/// of deployment: UTC in Docker). Written to the millisecond the store keeps (see <see cref="StorePrecisionTimeConverter"/>).
/// </summary>
public sealed class ProgramTimeJsonConverter(ProgramCalendar calendar) : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
        {
            throw new JsonException(); // System.Text.Json words it with the field's path
        }

        if (!reader.TryGetDateTime(out var wallClock) || wallClock.Kind != DateTimeKind.Unspecified)
        {
            return value;
        }

        return calendar.TryAtLocal(wallClock, out var moment)
            ? moment
            : throw new JsonException(); // the first or last hours of the calendar, which no zone offset can move
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(StorePrecisionTimeConverter.Truncate(value));
}
